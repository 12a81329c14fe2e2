/**
 * Jira's published OpenAPI spec as the contract for every request the app makes and every answer the
 * double gives. Three jobs:
 *  1. match a method and a concrete path against the spec's path templates (literal segments win over
 *     `{param}` segments, as Jira's router does: `/issue/createmeta` is not `/issue/{issueIdOrKey}`);
 *  2. validate a request body against the operation's `requestBody` schema;
 *  3. validate the double's own response body against the schema documented for that status.
 * Schemas are compiled lazily by ajv from a JSON pointer into the spec, so `$ref`s resolve as written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isRecord } from './http';

export const DEFAULT_SPEC_PATH = path.resolve(__dirname, '../../shared/jira-openapi/platform-v3.json');

/** The spec in use: `JIRA_OPENAPI_SPEC` if set, else the copy under `shared/`. */
export function specPathFromEnv(): string {
  const fromEnv = process.env['JIRA_OPENAPI_SPEC'];
  return fromEnv !== undefined && fromEnv !== '' ? path.resolve(fromEnv) : DEFAULT_SPEC_PATH;
}

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';

export interface OperationParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: unknown;
}

export interface Operation {
  method: HttpMethod;
  /** The spec's template, e.g. `/rest/api/3/issue/{issueIdOrKey}`. */
  template: string;
  operationId: string;
  parameters: OperationParameter[];
  /** Content types of the request body, with whether a body is required. */
  requestBody: { required: boolean; contentTypes: string[] } | undefined;
  /** Documented statuses (`"200"`, `"default"`, …) → content types that carry a schema. */
  responses: Map<string, string[]>;
  scopes: string[];
}

export interface OperationMatch {
  operation: Operation;
  pathParams: Record<string, string>;
}

export type MatchResult =
  | { kind: 'matched'; match: OperationMatch }
  | { kind: 'no-path' }
  | { kind: 'no-method'; template: string; allowed: HttpMethod[] };

interface TrieNode {
  literal: Map<string, TrieNode>;
  param: { name: string; node: TrieNode } | undefined;
  /** Operations by method, present when a template ends at this node. */
  operations: Map<HttpMethod, Operation> | undefined;
  template: string | undefined;
}

const SPEC_SCHEMA_ID = 'jira-platform-spec';
const METHODS: HttpMethod[] = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

function newNode(): TrieNode {
  return { literal: new Map(), param: undefined, operations: undefined, template: undefined };
}

function pointerToken(token: string): string {
  return encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1'));
}

function formatAjvErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath === '' ? '(root)' : e.instancePath;
    const extra =
      e.keyword === 'additionalProperties' && isRecord(e.params) ? ` "${String(e.params['additionalProperty'])}"` : '';
    return `${where} ${e.message ?? e.keyword}${extra}`;
  });
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export class OpenApiIndex {
  private readonly root = newNode();
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  readonly operationCount: number;

  private constructor(
    readonly specPath: string,
    spec: Record<string, unknown>,
  ) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
    addFormats(this.ajv, [
      'date',
      'time',
      'uri',
      'uri-reference',
      'uuid',
      'email',
      'int32',
      'int64',
      'float',
      'double',
      'byte',
      'binary',
      'password',
    ]);
    // Jira writes datetimes as `2024-01-31T09:30:00.000+0000` (offset without a colon), which strict
    // RFC 3339 `date-time` rejects; the spec's own examples use that form, so accept both.
    this.ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i);
    // One format the spec uses that ajv-formats does not define; treated like `uri`.
    this.ajv.addFormat('url', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
    patchCustomContextVariable(spec);
    this.ajv.addSchema(spec, SPEC_SCHEMA_ID);
    this.operationCount = this.buildTrie(spec);
  }

  private static readonly cache = new Map<string, OpenApiIndex>();

  /** Loads (once per module registry, i.e. once per test file) and indexes the spec. */
  static load(specPath: string = specPathFromEnv()): OpenApiIndex {
    const cached = OpenApiIndex.cache.get(specPath);
    if (cached) return cached;
    const parsed: unknown = JSON.parse(fs.readFileSync(specPath, 'utf8'));
    if (!isRecord(parsed) || !isRecord(parsed['paths'])) throw new Error(`${specPath} is not an OpenAPI document`);
    const index = new OpenApiIndex(specPath, parsed);
    OpenApiIndex.cache.set(specPath, index);
    return index;
  }

  private buildTrie(spec: Record<string, unknown>): number {
    const paths = spec['paths'];
    if (!isRecord(paths)) return 0;
    let count = 0;
    for (const [template, item] of Object.entries(paths)) {
      if (!isRecord(item)) continue;
      let node = this.root;
      for (const segment of template.split('/').slice(1)) {
        const param = /^\{(.+)\}$/.exec(segment);
        if (param && param[1] !== undefined) {
          if (!node.param) node.param = { name: param[1], node: newNode() };
          node = node.param.node;
        } else {
          let next = node.literal.get(segment);
          if (!next) {
            next = newNode();
            node.literal.set(segment, next);
          }
          node = next;
        }
      }
      node.template = template;
      node.operations ??= new Map();
      for (const method of METHODS) {
        const op = item[method.toLowerCase()];
        if (!isRecord(op)) continue;
        node.operations.set(method, this.toOperation(method, template, op));
        count += 1;
      }
    }
    return count;
  }

  private toOperation(method: HttpMethod, template: string, op: Record<string, unknown>): Operation {
    const parameters: OperationParameter[] = [];
    for (const p of Array.isArray(op['parameters']) ? op['parameters'] : []) {
      if (!isRecord(p) || typeof p['name'] !== 'string') continue;
      const where = p['in'];
      if (where !== 'path' && where !== 'query' && where !== 'header' && where !== 'cookie') continue;
      parameters.push({ name: p['name'], in: where, required: p['required'] === true, schema: p['schema'] });
    }
    let requestBody: Operation['requestBody'];
    const rb = op['requestBody'];
    if (isRecord(rb)) {
      requestBody = {
        required: rb['required'] === true,
        contentTypes: isRecord(rb['content']) ? Object.keys(rb['content']) : [],
      };
    }
    const responses = new Map<string, string[]>();
    if (isRecord(op['responses'])) {
      for (const [status, resp] of Object.entries(op['responses'])) {
        const content = isRecord(resp) && isRecord(resp['content']) ? resp['content'] : {};
        const withSchema = Object.entries(content)
          .filter(
            ([, media]) => isRecord(media) && isRecord(media['schema']) && Object.keys(media['schema']).length > 0,
          )
          .map(([ct]) => ct);
        responses.set(status, withSchema);
      }
    }
    // Classic and granular scope sets, per `state` ("Current", "Beta"); kept for scope checks.
    const scopes: string[] = [];
    const scopeBlocks: unknown[] = Array.isArray(op['x-atlassian-oauth2-scopes'])
      ? op['x-atlassian-oauth2-scopes']
      : [];
    for (const block of scopeBlocks) if (isRecord(block)) scopes.push(...strings(block['scopes']));
    return {
      method,
      template,
      operationId: typeof op['operationId'] === 'string' ? op['operationId'] : `${method} ${template}`,
      parameters,
      requestBody,
      responses,
      scopes,
    };
  }

  /** Matches a concrete, percent-encoded path (no query string). */
  match(method: string, pathname: string): MatchResult {
    const segments = pathname.split('/').slice(1);
    const found = this.walk(this.root, segments, 0, {});
    if (!found) return { kind: 'no-path' };
    const { node, params } = found;
    const ops = node.operations;
    const op = ops?.get(method.toUpperCase() as HttpMethod);
    if (!op) {
      return { kind: 'no-method', template: node.template ?? pathname, allowed: ops ? [...ops.keys()] : [] };
    }
    return { kind: 'matched', match: { operation: op, pathParams: params } };
  }

  private walk(
    node: TrieNode,
    segments: string[],
    i: number,
    params: Record<string, string>,
  ): { node: TrieNode; params: Record<string, string> } | undefined {
    if (i === segments.length) return node.operations ? { node, params } : undefined;
    const segment = segments[i] ?? '';
    const literal = node.literal.get(segment);
    if (literal) {
      const hit = this.walk(literal, segments, i + 1, params);
      if (hit) return hit;
    }
    if (node.param && segment !== '') {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        decoded = segment;
      }
      return this.walk(node.param.node, segments, i + 1, { ...params, [node.param.name]: decoded });
    }
    return undefined;
  }

  private validator(pointer: string): ValidateFunction {
    let fn = this.compiled.get(pointer);
    if (!fn) {
      fn = this.ajv.compile({ $ref: `${SPEC_SCHEMA_ID}#${pointer}` });
      this.compiled.set(pointer, fn);
    }
    return fn;
  }

  private operationPointer(op: Operation): string {
    return `/paths/${pointerToken(op.template)}/${op.method.toLowerCase()}`;
  }

  /** Errors of a request body against the operation's schema (empty when valid). */
  validateRequestBody(op: Operation, contentType: string | null, body: unknown, hasBody: boolean): string[] {
    if (!op.requestBody) {
      return hasBody ? [`${op.method} ${op.template} takes no request body`] : [];
    }
    if (!hasBody) return op.requestBody.required ? ['request body is required'] : [];
    const media = (contentType ?? 'application/json').split(';')[0]?.trim().toLowerCase() ?? '';
    const documented = op.requestBody.contentTypes;
    const ct = documented.includes(media) ? media : documented.includes('*/*') ? '*/*' : undefined;
    if (ct === undefined) return [`content type "${media}" is not one of ${documented.join(', ')}`];
    const pointer = `${this.operationPointer(op)}/requestBody/content/${pointerToken(ct)}/schema`;
    const validate = this.validator(pointer);
    return validate(body) ? [] : formatAjvErrors(validate.errors);
  }

  /**
   * Errors of a response against the schema documented for its status. A status the operation does
   * not document is an error; a documented status without a schema accepts any body.
   */
  validateResponse(op: Operation, status: number, body: unknown, hasBody: boolean): string[] {
    const key = op.responses.has(String(status)) ? String(status) : op.responses.has('default') ? 'default' : undefined;
    if (key === undefined) {
      return [
        `status ${status} is not documented for ${op.method} ${op.template} (documented: ${[...op.responses.keys()].join(', ')})`,
      ];
    }
    const contentTypes = op.responses.get(key) ?? [];
    const ct = contentTypes.includes('application/json') ? 'application/json' : contentTypes[0];
    if (ct === undefined || !hasBody) return [];
    const pointer = `${this.operationPointer(op)}/responses/${pointerToken(key)}/content/${pointerToken(ct)}/schema`;
    const validate = this.validator(pointer);
    return validate(body) ? [] : formatAjvErrors(validate.errors);
  }

  /** Checks documented query parameters for type (boolean / integer) and required presence. */
  validateQuery(op: Operation, query: URLSearchParams): string[] {
    const errors: string[] = [];
    for (const p of op.parameters) {
      if (p.in !== 'query') continue;
      const values = query.getAll(p.name);
      if (values.length === 0) {
        if (p.required) errors.push(`query parameter "${p.name}" is required`);
        continue;
      }
      const schema = isRecord(p.schema) ? p.schema : {};
      const itemType =
        schema['type'] === 'array' && isRecord(schema['items']) ? schema['items']['type'] : schema['type'];
      for (const v of schema['type'] === 'array' ? values.flatMap((x) => x.split(',')) : values) {
        if (itemType === 'boolean' && v !== 'true' && v !== 'false')
          errors.push(`query "${p.name}" must be boolean, got "${v}"`);
        if (itemType === 'integer' && !/^-?\d+$/.test(v))
          errors.push(`query "${p.name}" must be an integer, got "${v}"`);
      }
    }
    return errors;
  }
}

/**
 * The spec's `CustomContextVariable` (custom variables of `POST /rest/api/3/expression/evaluate`)
 * contradicts itself: the parent allows only `type` (additionalProperties: false) while its `oneOf`
 * variants require `accountId` / `value`, and no schema names the variable (`key`), which the
 * description ("access them from the Jira expression by key") needs. As published, no custom
 * variable validates. The double reads it as Jira's documentation does: each entry is
 * `{ key, type, accountId | value | id | key-of-issue }` (the double's reading; check on a live site).
 */
function patchCustomContextVariable(spec: Record<string, unknown>): void {
  const schemas =
    isRecord(spec['components']) && isRecord(spec['components']['schemas']) ? spec['components']['schemas'] : undefined;
  const ccv = schemas?.['CustomContextVariable'];
  if (!isRecord(ccv)) return;
  delete ccv['additionalProperties'];
  const props = isRecord(ccv['properties']) ? ccv['properties'] : {};
  ccv['properties'] = { ...props, key: { type: 'string', description: 'The name of the variable in the expression.' } };
  ccv['required'] = ['type', 'key'];
  // The variants differ by `type` only; ajv's oneOf cannot tell an issue entry (with `key`) from the rest.
  delete ccv['oneOf'];
  delete ccv['discriminator'];
}

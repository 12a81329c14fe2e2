/**
 * Forge's Key-Value Store (and Custom Entity Store) behind `@forge/kvs`, in memory.
 *
 * It answers the HTTP surface the real SDK uses (`POST /api/v1/get|set|delete|query`,
 * `/api/v1/secret/*`, `/api/v1/entity/*`, `/api/v1/batch/*`, `/api/v1/transaction`) with the
 * documented error body `{code, message}`, and enforces the documented limits:
 *  - key: 1–500 characters matching `/^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/` (KEY_TOO_SHORT, KEY_TOO_LONG,
 *    INVALID_KEY);
 *  - value: at most 240 KiB of JSON (MAX_SIZE), nesting depth at most 32 (MAX_DEPTH);
 *  - transaction: at most 25 operations, each key once.
 * Codes taken from the SDK's own tests or Atlassian's error tables: KEY_NOT_FOUND, BAD_REQUEST,
 * INVALID_KEY, KEY_TOO_SHORT, KEY_TOO_LONG, MAX_SIZE, MAX_DEPTH, RATE_LIMIT_EXCEEDED,
 * INTERNAL_SERVER_ERROR. Codes the docs do not name and this double had to choose:
 * KEY_ALREADY_EXISTS (set with keyPolicy FAIL_IF_EXISTS), CONDITION_FAILED (transaction check),
 * CONFLICT (injected write conflict). Metadata timestamps are epoch milliseconds (unverified).
 */
import { isRecord, jsonResponse, parseJsonBody } from './http';
import type { RoutedRequest } from './forgeRuntime';

export const KVS_MAX_KEY_LENGTH = 500;
export const KVS_MAX_VALUE_BYTES = 240 * 1024;
export const KVS_MAX_DEPTH = 32;
export const KVS_MAX_TRANSACTION_OPS = 25;
const WRITE_PATHS = new Set([
  '/api/v1/set',
  '/api/v1/delete',
  '/api/v1/secret/set',
  '/api/v1/secret/delete',
  '/api/v1/entity/set',
  '/api/v1/entity/delete',
  '/api/v1/batch/set',
  '/api/v1/batch/delete',
  '/api/v1/transaction',
]);
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

export interface KvsError {
  status: number;
  code: string;
  message: string;
}

interface Entry {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  /** Epoch ms; undefined = no TTL. */
  expiresAt: number | undefined;
}

export interface EntityIndex {
  /** Attribute ordering results within a partition. */
  range: string;
  /** Attributes whose values must all be given to query the index. */
  partition?: string[];
}

export interface EntityDefinition {
  indexes: Record<string, EntityIndex>;
}

export interface KvsFault {
  status: number;
  code: string;
  message?: string;
  /** Only requests to this path, e.g. `/api/v1/set`; default every path. */
  path?: string;
}

type Store = Map<string, Entry>;

class KvsFailure extends Error {
  constructor(readonly error: KvsError) {
    super(error.message);
  }
}

function fail(status: number, code: string, message: string): never {
  throw new KvsFailure({ status, code, message });
}

function depthOf(v: unknown): number {
  if (Array.isArray(v)) return 1 + Math.max(0, ...v.map(depthOf));
  if (isRecord(v)) return 1 + Math.max(0, ...Object.values(v).map(depthOf));
  return 0;
}

function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0)
    fail(400, 'KEY_TOO_SHORT', 'The provided key needs to be at least one character.');
  if (key.length > KVS_MAX_KEY_LENGTH)
    fail(400, 'KEY_TOO_LONG', `The provided key has exceeded the maximum ${KVS_MAX_KEY_LENGTH} characters.`);
  if (!KEY_PATTERN.test(key))
    fail(400, 'INVALID_KEY', 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/');
  return key;
}

function checkValue(value: unknown): unknown {
  if (value === undefined) fail(400, 'BAD_REQUEST', 'Provided request body is invalid: value is missing');
  const bytes = Buffer.byteLength(JSON.stringify(value));
  if (bytes > KVS_MAX_VALUE_BYTES)
    fail(400, 'MAX_SIZE', `The provided value is ${bytes} bytes; the maximum is ${KVS_MAX_VALUE_BYTES}.`);
  if (depthOf(value) > KVS_MAX_DEPTH)
    fail(400, 'MAX_DEPTH', `The provided value has exceeded the maximum object depth (${KVS_MAX_DEPTH}).`);
  return value;
}

const TTL_UNIT_MS: Record<string, number> = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** Evaluates one `{property, condition, values}` filter against an entity value. */
function matchesCondition(value: unknown, cond: Record<string, unknown>): boolean {
  const property = typeof cond['property'] === 'string' ? cond['property'] : undefined;
  const attr = property !== undefined && isRecord(value) ? value[property] : value;
  const values = Array.isArray(cond['values']) ? cond['values'] : [];
  const v0: unknown = values[0];
  switch (cond['condition']) {
    case 'EXISTS':
      return attr !== undefined;
    case 'NOT_EXISTS':
      return attr === undefined;
    case 'EQUAL_TO':
      return attr === v0;
    case 'NOT_EQUAL_TO':
      return attr !== v0;
    case 'BEGINS_WITH':
      return typeof attr === 'string' && attr.startsWith(String(v0));
    case 'CONTAINS':
      return (typeof attr === 'string' && attr.includes(String(v0))) || (Array.isArray(attr) && attr.includes(v0));
    case 'NOT_CONTAINS':
      return !((typeof attr === 'string' && attr.includes(String(v0))) || (Array.isArray(attr) && attr.includes(v0)));
    case 'GREATER_THAN':
      return attr !== undefined && compareValues(attr, v0) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return attr !== undefined && compareValues(attr, v0) >= 0;
    case 'LESS_THAN':
      return attr !== undefined && compareValues(attr, v0) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return attr !== undefined && compareValues(attr, v0) <= 0;
    case 'BETWEEN':
      return attr !== undefined && compareValues(attr, v0) >= 0 && compareValues(attr, values[1]) <= 0;
    default:
      return fail(400, 'BAD_REQUEST', `Unknown condition ${String(cond['condition'])}`);
  }
}

function matchesFilters(value: unknown, filters: unknown): boolean {
  if (!isRecord(filters)) return true;
  const and = Array.isArray(filters['and']) ? filters['and'].filter(isRecord) : undefined;
  const or = Array.isArray(filters['or']) ? filters['or'].filter(isRecord) : undefined;
  if (and) return and.every((c) => matchesCondition(value, c));
  if (or) return or.some((c) => matchesCondition(value, c));
  return true;
}

function encodeCursor(key: string): string {
  return Buffer.from(key).toString('base64url');
}

function decodeCursor(cursor: unknown): string | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  if (typeof cursor !== 'string') return fail(400, 'BAD_REQUEST', 'cursor must be a string');
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

export interface KvsDoubleOptions {
  clock?: () => number;
}

export class KvsDouble {
  private readonly kv: Store = new Map();
  private readonly secrets: Store = new Map();
  private readonly entities = new Map<string, Store>();
  private readonly entityDefs = new Map<string, EntityDefinition>();
  private faults: Array<{ remaining: number; fault: KvsFault }> = [];
  private conflictsLeft = 0;
  private hooks: Array<() => void | Promise<void>> = [];
  /** Largest page a query returns, whatever `limit` asks (docs say 100, older docs 20). */
  maxPageSize = 100;
  /** Page size when the query gives no `limit` (assumption: 10). */
  defaultPageSize = 10;
  readonly calls: Array<{ path: string; body: unknown; status: number }> = [];
  private fixedNow: number | undefined;
  private readonly clock: () => number;

  constructor(options: KvsDoubleOptions = {}) {
    this.clock = options.clock ?? ((): number => this.fixedNow ?? Date.now());
  }

  reset(): void {
    this.kv.clear();
    this.secrets.clear();
    this.entities.clear();
    this.entityDefs.clear();
    this.faults = [];
    this.conflictsLeft = 0;
    this.hooks = [];
    this.calls.length = 0;
    this.maxPageSize = 100;
    this.defaultPageSize = 10;
    this.fixedNow = undefined;
  }

  setNow(at: Date | number | undefined): void {
    this.fixedNow = at === undefined ? undefined : typeof at === 'number' ? at : at.getTime();
  }

  /** Declares a custom entity and its indexes, as the manifest's `storage.entities` would. */
  defineEntity(name: string, def: EntityDefinition): void {
    this.entityDefs.set(name, def);
  }

  /** The next `count` requests (optionally to one path) fail with `fault`. */
  failNext(count: number, fault: KvsFault): void {
    this.faults.push({ remaining: count, fault });
  }

  /** The next `count` writes (set, delete, batch set/delete, transaction) fail with 409 CONFLICT. */
  injectConflict(count = 1): void {
    this.conflictsLeft += count;
  }

  /**
   * Runs `fn` just before the next request is served: a concurrent writer changing a key between
   * the app's read and its write, for example.
   */
  beforeNextRequest(fn: () => void | Promise<void>): void {
    this.hooks.push(fn);
  }

  /** Direct state access for seeding and assertions (bypasses limits). */
  seed(key: string, value: unknown): void {
    const now = this.clock();
    this.kv.set(key, { value: structuredClone(value), createdAt: now, updatedAt: now, expiresAt: undefined });
  }

  peek(key: string): unknown {
    return this.live(this.kv, key)?.value;
  }

  keys(): string[] {
    return [...this.kv.keys()].filter((k) => this.live(this.kv, k) !== undefined).sort();
  }

  peekEntity(entityName: string, key: string): unknown {
    const store = this.entities.get(entityName);
    return store ? this.live(store, key)?.value : undefined;
  }

  // ----- HTTP ------------------------------------------------------------------------------------

  async handle(req: RoutedRequest): Promise<Response> {
    const hook = this.hooks.shift();
    if (hook) await hook();
    let body: unknown;
    try {
      body = parseJsonBody(req);
    } catch {
      return this.answer(req.pathname, undefined, {
        status: 400,
        code: 'BAD_REQUEST',
        message: 'Provided request body is invalid',
      });
    }
    if (req.method !== 'POST')
      return this.answer(req.pathname, body, {
        status: 405,
        code: 'BAD_REQUEST',
        message: `${req.method} not allowed`,
      });
    const faultIdx = this.faults.findIndex(
      (f) => f.remaining > 0 && (f.fault.path === undefined || f.fault.path === req.pathname),
    );
    const fault = faultIdx >= 0 ? this.faults[faultIdx] : undefined;
    if (fault) {
      fault.remaining -= 1;
      if (fault.remaining === 0) this.faults.splice(faultIdx, 1);
      return this.answer(req.pathname, body, {
        status: fault.fault.status,
        code: fault.fault.code,
        message: fault.fault.message ?? `injected ${fault.fault.code}`,
      });
    }
    if (this.conflictsLeft > 0 && WRITE_PATHS.has(req.pathname)) {
      this.conflictsLeft -= 1;
      return this.answer(req.pathname, body, {
        status: 409,
        code: 'CONFLICT',
        message: 'Write conflict (injected by the test)',
      });
    }
    try {
      const result = this.route(req.pathname, body);
      this.calls.push({ path: req.pathname, body, status: result === undefined ? 204 : 200 });
      return result === undefined ? new Response(null, { status: 204 }) : jsonResponse(200, result);
    } catch (e) {
      if (e instanceof KvsFailure) return this.answer(req.pathname, body, e.error);
      throw e;
    }
  }

  private answer(path: string, body: unknown, error: KvsError): Response {
    this.calls.push({ path, body, status: error.status });
    return jsonResponse(error.status, { code: error.code, message: error.message });
  }

  private route(path: string, raw: unknown): unknown {
    if (path.startsWith('/api/v1/batch/')) {
      if (!Array.isArray(raw)) fail(400, 'BAD_REQUEST', 'Provided request body is invalid: expected an array');
      if (path === '/api/v1/batch/set') return this.batchSet(raw);
      if (path === '/api/v1/batch/get') return this.batchGet(raw);
      if (path === '/api/v1/batch/delete') return this.batchDelete(raw);
    }
    const body = isRecord(raw) ? raw : fail(400, 'BAD_REQUEST', 'Provided request body is invalid');
    switch (path) {
      case '/api/v1/get':
        return this.get(this.kv, body);
      case '/api/v1/set':
        return this.set(this.kv, body);
      case '/api/v1/delete':
        return this.delete(this.kv, body);
      case '/api/v1/query':
        return this.query(body);
      case '/api/v1/secret/get':
        return this.get(this.secrets, body);
      case '/api/v1/secret/set':
        return this.set(this.secrets, body);
      case '/api/v1/secret/delete':
        return this.delete(this.secrets, body);
      case '/api/v1/entity/get':
        return this.get(this.entityStore(body['entityName']), body);
      case '/api/v1/entity/set':
        if (!isRecord(body['value'])) fail(400, 'BAD_REQUEST', 'Entity values must be objects');
        return this.set(this.entityStore(body['entityName']), body);
      case '/api/v1/entity/delete':
        return this.delete(this.entityStore(body['entityName']), body);
      case '/api/v1/entity/query':
        return this.queryEntity(body);
      case '/api/v1/transaction':
        return this.transact(body);
      default:
        throw new Error(`[kvs double] unknown KVS path ${path}: extend platform-doubles/kvsDouble.ts`);
    }
  }

  private live(store: Store, key: string): Entry | undefined {
    const e = store.get(key);
    if (e && e.expiresAt !== undefined && e.expiresAt <= this.clock()) {
      store.delete(key);
      return undefined;
    }
    return e;
  }

  private entityStore(name: unknown): Store {
    if (typeof name !== 'string' || !this.entityDefs.has(name)) {
      fail(
        400,
        'BAD_REQUEST',
        `Entity ${String(name)} is not defined (call kvs.defineEntity in the test, as the manifest would)`,
      );
    }
    let store = this.entities.get(name);
    if (!store) {
      store = new Map();
      this.entities.set(name, store);
    }
    return store;
  }

  private view(key: string, e: Entry, metadata: string[]): Record<string, unknown> {
    return {
      key,
      value: structuredClone(e.value),
      ...(metadata.includes('CREATED_AT') ? { createdAt: e.createdAt } : {}),
      ...(metadata.includes('UPDATED_AT') ? { updatedAt: e.updatedAt } : {}),
      ...(metadata.includes('EXPIRE_TIME') && e.expiresAt !== undefined
        ? { expireTime: new Date(e.expiresAt).toISOString() }
        : {}),
    };
  }

  private get(store: Store, body: Record<string, unknown>): unknown {
    const key = checkKey(body['key']);
    const e = this.live(store, key);
    if (!e) fail(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
    // The SDK picks the metadata fields the caller asked for; the service may send them all.
    return this.view(key, e, ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);
  }

  private writeEntry(
    store: Store,
    key: string,
    value: unknown,
    options: Record<string, unknown>,
  ): { before: Entry | undefined; after: Entry } {
    const before = this.live(store, key);
    if (options['keyPolicy'] === 'FAIL_IF_EXISTS' && before)
      fail(409, 'KEY_ALREADY_EXISTS', `Key ${key} already exists`);
    const now = this.clock();
    const ttl = isRecord(options['ttl']) ? options['ttl'] : undefined;
    let expiresAt: number | undefined;
    if (ttl) {
      const unit = TTL_UNIT_MS[String(ttl['unit'])];
      if (unit === undefined || typeof ttl['value'] !== 'number' || ttl['value'] <= 0)
        fail(400, 'BAD_REQUEST', 'Invalid ttl');
      expiresAt = now + ttl['value'] * unit;
    }
    const after: Entry = {
      value: structuredClone(value),
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
      expiresAt,
    };
    store.set(key, after);
    return { before, after };
  }

  private set(store: Store, body: Record<string, unknown>): unknown {
    const key = checkKey(body['key']);
    const value = checkValue(body['value']);
    const options = isRecord(body['options']) ? body['options'] : {};
    const { before, after } = this.writeEntry(store, key, value, options);
    if (options['returnValue'] === undefined) return undefined;
    const returned = options['returnValue'] === 'PREVIOUS' ? before : after;
    return returned ? this.view(key, returned, ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']) : undefined;
  }

  private delete(store: Store, body: Record<string, unknown>): unknown {
    const key = checkKey(body['key']);
    store.delete(key);
    return undefined;
  }

  private page<T extends { key: string }>(
    items: T[],
    limitRaw: unknown,
    cursorRaw: unknown,
    render: (item: T) => unknown,
  ): unknown {
    const limit = typeof limitRaw === 'number' ? limitRaw : this.defaultPageSize;
    if (!Number.isInteger(limit) || limit < 1)
      fail(400, 'BAD_REQUEST', `limit must be a positive integer, got ${String(limitRaw)}`);
    const size = Math.min(limit, this.maxPageSize);
    const after = decodeCursor(cursorRaw);
    const start = after === undefined ? 0 : items.findIndex((i) => i.key === after) + 1;
    const slice = items.slice(start, start + size);
    const last = slice[slice.length - 1];
    const more = start + size < items.length;
    return { data: slice.map(render), ...(more && last ? { cursor: encodeCursor(last.key) } : {}) };
  }

  private query(body: Record<string, unknown>): unknown {
    const where = Array.isArray(body['where']) ? body['where'].filter(isRecord) : [];
    for (const w of where) {
      if (w['property'] !== 'key' || w['condition'] !== 'BEGINS_WITH')
        fail(400, 'BAD_REQUEST', 'Only key BEGINS_WITH queries are supported by the Key-Value Store');
    }
    const prefix = where.length > 0 && Array.isArray(where[0]?.['values']) ? String(where[0]['values'][0]) : '';
    const options = isRecord(body['options']) ? body['options'] : {};
    const metadata = strings(options['metadataFields']);
    const items = this.keys()
      .filter((k) => k.startsWith(prefix))
      .map((key) => ({ key, entry: this.kv.get(key) }))
      .filter((x): x is { key: string; entry: Entry } => x.entry !== undefined);
    return this.page(items, body['limit'], body['after'], (i) => this.view(i.key, i.entry, metadata));
  }

  private queryEntity(body: Record<string, unknown>): unknown {
    const name = body['entityName'];
    const store = this.entityStore(name);
    const def = this.entityDefs.get(String(name));
    const index = typeof body['indexName'] === 'string' ? def?.indexes[body['indexName']] : undefined;
    if (!index) fail(400, 'BAD_REQUEST', `Index ${String(body['indexName'])} is not defined on entity ${String(name)}`);
    const partitionAttrs = index.partition ?? [];
    const partition = Array.isArray(body['partition']) ? body['partition'] : [];
    if (partition.length !== partitionAttrs.length)
      fail(
        400,
        'BAD_REQUEST',
        `Index ${String(body['indexName'])} needs partition values for ${partitionAttrs.join(', ')}`,
      );
    const range = isRecord(body['range']) ? { ...body['range'], property: index.range } : undefined;
    const metadata = strings(
      body['metadataFields'] ?? (isRecord(body['options']) ? body['options']['metadataFields'] : undefined),
    );
    const sign = body['sort'] === 'DESC' ? -1 : 1;
    const items = [...store.keys()]
      .map((key) => ({ key, entry: this.live(store, key) }))
      .filter((x): x is { key: string; entry: Entry } => x.entry !== undefined)
      .filter(({ entry }) =>
        partitionAttrs.every((attr, i) => isRecord(entry.value) && entry.value[attr] === partition[i]),
      )
      .filter(({ entry }) => isRecord(entry.value) && entry.value[index.range] !== undefined)
      .filter(({ entry }) => range === undefined || matchesCondition(entry.value, range))
      .filter(({ entry }) => matchesFilters(entry.value, body['filters']))
      .sort((a, b) => {
        const va = isRecord(a.entry.value) ? a.entry.value[index.range] : undefined;
        const vb = isRecord(b.entry.value) ? b.entry.value[index.range] : undefined;
        return (compareValues(va, vb) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) * sign;
      });
    return this.page(items, body['limit'], body['cursor'], (i) => this.view(i.key, i.entry, metadata));
  }

  private storeFor(entityName: unknown): Store {
    return entityName === undefined || entityName === null ? this.kv : this.entityStore(entityName);
  }

  private batchResult<T>(items: unknown[], op: (item: Record<string, unknown>) => T): unknown {
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const raw of items) {
      const item = isRecord(raw) ? raw : {};
      const id = {
        key: String(item['key']),
        ...(typeof item['entityName'] === 'string' ? { entityName: item['entityName'] } : {}),
      };
      try {
        const extra = op(item);
        successfulKeys.push(isRecord(extra) ? { ...id, ...extra } : id);
      } catch (e) {
        if (!(e instanceof KvsFailure)) throw e;
        failedKeys.push({ ...id, error: { code: e.error.code, message: e.error.message } });
      }
    }
    return { successfulKeys, failedKeys };
  }

  private batchSet(items: unknown[]): unknown {
    return this.batchResult(items, (item) => {
      const key = checkKey(item['key']);
      this.writeEntry(
        this.storeFor(item['entityName']),
        key,
        checkValue(item['value']),
        isRecord(item['options']) ? item['options'] : {},
      );
      return undefined;
    });
  }

  private batchGet(items: unknown[]): unknown {
    return this.batchResult(items, (item) => {
      const key = checkKey(item['key']);
      const e = this.live(this.storeFor(item['entityName']), key);
      if (!e) fail(404, 'KEY_NOT_FOUND', 'Key does not exist');
      const options = isRecord(item['options']) ? item['options'] : {};
      const { value, ...meta } = this.view(key, e, strings(options['metadataFields']));
      return { value, ...meta };
    });
  }

  private batchDelete(items: unknown[]): unknown {
    return this.batchResult(items, (item) => {
      this.storeFor(item['entityName']).delete(checkKey(item['key']));
      return undefined;
    });
  }

  private transact(body: Record<string, unknown>): unknown {
    const sets = Array.isArray(body['set']) ? body['set'].filter(isRecord) : [];
    const deletes = Array.isArray(body['delete']) ? body['delete'].filter(isRecord) : [];
    const checks = Array.isArray(body['check']) ? body['check'].filter(isRecord) : [];
    const ops = sets.length + deletes.length + checks.length;
    if (ops === 0) fail(400, 'BAD_REQUEST', 'A transaction needs at least one operation');
    if (ops > KVS_MAX_TRANSACTION_OPS)
      fail(400, 'BAD_REQUEST', `A transaction can contain at most ${KVS_MAX_TRANSACTION_OPS} operations, got ${ops}`);
    const seen = new Set<string>();
    for (const op of [...sets, ...deletes, ...checks]) {
      const id = `${String(op['entityName'] ?? '')}/${checkKey(op['key'])}`;
      if (seen.has(id))
        fail(400, 'BAD_REQUEST', `Each key can only be used once in a transaction: ${String(op['key'])}`);
      seen.add(id);
    }
    // Validate everything and evaluate every condition before changing anything (all-or-nothing).
    const conditionHolds = (op: Record<string, unknown>): boolean => {
      if (op['conditions'] === undefined) return true;
      const e = this.live(this.storeFor(op['entityName']), String(op['key']));
      return e !== undefined && matchesFilters(e.value, op['conditions']);
    };
    for (const op of sets) checkValue(op['value']);
    for (const op of [...checks, ...sets, ...deletes]) {
      if (!conditionHolds(op))
        fail(409, 'CONDITION_FAILED', `Transaction condition failed for key ${String(op['key'])}`);
    }
    for (const op of sets) {
      this.writeEntry(
        this.storeFor(op['entityName']),
        String(op['key']),
        op['value'],
        isRecord(op['options']) ? op['options'] : {},
      );
    }
    for (const op of deletes) this.storeFor(op['entityName']).delete(String(op['key']));
    return undefined;
  }
}

/**
 * The payload's primitives, parsed the same way by every entry point. A resolver payload is input from
 * an iframe (docs/architecture.md, "What is never state"): each parser returns the value in its type,
 * or throws the coded refusal INVALID_PAYLOAD naming the field (`path`), before any use case runs.
 * What a value means (a kind the table knows, a case that exists) is the use case's to check.
 */
import { ItrError } from '../app/itrError';
import { isAccountId, isIssueKey } from '../domain/jiraKeys';
import { isRecord } from '../domain/input';
import type { Context } from './envelope';

/** Longest part of a refused value echoed back in `params` (a hostile payload may hold megabytes). */
const ECHO_MAX = 64;

/** Refuses the payload at `path` (INVALID_PAYLOAD): for a shape only one function has, parsed where it is used. */
export function invalidPayload(path: string, message: string, params?: Record<string, string | number>): never {
  throw new ItrError('INVALID_PAYLOAD', message, { path, params });
}
const refuse = invalidPayload;

/** The payload as an object of fields; anything else (a list, text, nothing) has no fields. */
export function fieldsOf(payload: unknown): Record<string, unknown> {
  return isRecord(payload) ? payload : {};
}

/** Who calls: the account id the platform put in the invocation context (never the payload's word for it). */
export function callerOf(context: Context): string | undefined {
  return typeof context['accountId'] === 'string' ? context['accountId'] : undefined;
}

/**
 * A Jira issue key (`ITR-12`, the domain's rule `isIssueKey`). The refusal carries the value as text in
 * `params.issueKey`, which the UI's message for INVALID_PAYLOAD names.
 */
export function issueKey(payload: unknown, name = 'issueKey'): string {
  const value = fieldsOf(payload)[name];
  if (isIssueKey(value)) return value;
  return refuse(name, `${name} must be a Jira issue key such as "ITR-12"`, {
    issueKey: String(value ?? '').slice(0, ECHO_MAX),
  });
}

/** An Atlassian account id (the domain's rule `isAccountId`). */
export function accountId(payload: unknown, name: string): string {
  const value = fieldsOf(payload)[name];
  if (isAccountId(value)) return value;
  return refuse(name, `${name} must be an Atlassian account id`);
}

/** A list of at most `max` Atlassian account ids (repeats allowed: the use case keeps each once). */
export function accountIds(payload: unknown, name: string, max: number): string[] {
  const value = fieldsOf(payload)[name];
  if (Array.isArray(value) && value.length <= max && value.every(isAccountId)) return value;
  return refuse(name, `${name} must be up to ${max} Atlassian account ids`);
}

/**
 * A numeric id as text (`"10012"`): Jira's issue ids, the history's entry ids. A positive long, so at
 * most 19 digits and no leading zero, which also keeps it a plain SQL or KVS value.
 */
export function numericId(payload: unknown, name: string): string {
  const value = fieldsOf(payload)[name];
  if (typeof value === 'string' && NUMERIC_ID.test(value)) return value;
  return refuse(name, `${name} must be a numeric id such as "10012"`);
}
const NUMERIC_ID = /^[1-9][0-9]{0,18}$/;

/** A whole number within `min`–`max` (`max` unbounded when not given), e.g. a revision or a version. */
export function wholeNumber(payload: unknown, name: string, bounds: { min: number; max?: number }): number {
  const value = fieldsOf(payload)[name];
  const max = bounds.max ?? Number.MAX_SAFE_INTEGER;
  if (typeof value === 'number' && Number.isInteger(value) && value >= bounds.min && value <= max) return value;
  return refuse(
    name,
    bounds.max === undefined
      ? `${name} must be a whole number ≥ ${bounds.min}`
      : `${name} must be a whole number ${bounds.min}–${bounds.max}`,
  );
}

/**
 * How many items a list answer may hold: undefined when not given (the use case's default), else a
 * whole number 1–`max`. A count that large or fractional is refused, never quietly clamped: it is not
 * what the page sends.
 */
export function limit(payload: unknown, max: number, name = 'limit'): number | undefined {
  return fieldsOf(payload)[name] === undefined ? undefined : wholeNumber(payload, name, { min: 1, max });
}

/**
 * An instant as ISO 8601 text with its zone (`2026-11-23T09:00:00.000Z`, as `Date.toISOString` writes it,
 * or with an offset): a time without a zone would be read in the server's zone, so it is refused.
 */
export function isoInstant(payload: unknown, name: string): Date {
  const value = fieldsOf(payload)[name];
  if (typeof value === 'string' && ISO_INSTANT.test(value)) {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return at;
  }
  return refuse(name, `${name} must be an ISO instant such as "2026-11-23T09:00:00.000Z"`);
}
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Text (any string, even empty: whether empty text is allowed is the use case's rule). */
export function text(payload: unknown, name: string): string {
  const value = fieldsOf(payload)[name];
  return typeof value === 'string' ? value : refuse(name, `${name} must be text`);
}

/** Text, or undefined when the field is absent. */
export function optionalText(payload: unknown, name: string): string | undefined {
  return fieldsOf(payload)[name] === undefined ? undefined : text(payload, name);
}

/** One of a few words (`forward` or `escalate`, `rnd` or `sales`). */
export function oneOf<const T extends string>(payload: unknown, name: string, allowed: readonly T[]): T {
  const value = fieldsOf(payload)[name];
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return refuse(name, `${name} must be ${allowed.map((a) => `"${a}"`).join(' or ')}`);
}

/** A job id the app made (a UUID: regrade, backfill, recalculation), so also a safe part of a KVS key. */
export function isJobId(value: unknown): value is string {
  return typeof value === 'string' && JOB_ID.test(value);
}
const JOB_ID = /^[A-Za-z0-9-]{1,64}$/;

/** A job id, or undefined when the field is absent (the latest job). */
export function optionalJobId(payload: unknown, name = 'jobId'): string | undefined {
  const value = fieldsOf(payload)[name];
  if (value === undefined || isJobId(value)) return value;
  return refuse(name, `${name} must be a job id`);
}

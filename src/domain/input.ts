import { LOCALES, type LocalizedText } from './labels';
import type { ValidationIssue } from './validation';

/**
 * Helpers for validating admin-edited JSON (`unknown`) into domain types while collecting every
 * issue with its path, so an admin sees all problems at once rather than one per save.
 */
export const InputErrorCode = {
  NotAnObject: 'INPUT_NOT_AN_OBJECT',
  Required: 'INPUT_REQUIRED',
  NotAString: 'INPUT_NOT_A_STRING',
  NotANumber: 'INPUT_NOT_A_NUMBER',
  NotAList: 'INPUT_NOT_A_LIST',
  LabelIncomplete: 'INPUT_LABEL_INCOMPLETE',
  /** A field the schema does not know: usually a typo that would otherwise be silently ignored. */
  UnknownField: 'INPUT_UNKNOWN_FIELD',
} as const;

export type InputErrorCode = (typeof InputErrorCode)[keyof typeof InputErrorCode];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "a" + "b" → "a.b"; "a" + 2 → "a[2]"; "" + "b" → "b". */
export function pathOf(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

export class IssueList {
  readonly issues: ValidationIssue[] = [];

  add(code: string, path: string, message: string, params?: Record<string, string | number>): void {
    this.issues.push(params === undefined ? { code, path, message } : { code, path, message, params });
  }

  get count(): number {
    return this.issues.length;
  }

  /** Reads `obj[key]` as an object; records an issue and returns undefined otherwise. */
  object(obj: Record<string, unknown>, key: string, base: string): Record<string, unknown> | undefined {
    const path = pathOf(base, key);
    const v = obj[key];
    if (v === undefined) return this.missing(path);
    if (!isRecord(v)) {
      this.add(InputErrorCode.NotAnObject, path, `${path} must be an object.`);
      return undefined;
    }
    return v;
  }

  list(obj: Record<string, unknown>, key: string, base: string): readonly unknown[] | undefined {
    const path = pathOf(base, key);
    const v = obj[key];
    if (v === undefined) return this.missing(path);
    if (!Array.isArray(v)) {
      this.add(InputErrorCode.NotAList, path, `${path} must be a list.`);
      return undefined;
    }
    return v as unknown[];
  }

  /** A non-empty string (ids and codes are never blank). */
  string(obj: Record<string, unknown>, key: string, base: string): string | undefined {
    const path = pathOf(base, key);
    const v = obj[key];
    if (v === undefined) return this.missing(path);
    if (typeof v !== 'string' || v.trim() === '') {
      this.add(InputErrorCode.NotAString, path, `${path} must be a non-empty string.`);
      return undefined;
    }
    return v;
  }

  /** Any finite number; range rules are the caller's, with their own codes. */
  number(
    obj: Record<string, unknown>,
    key: string,
    base: string,
    missingCode: string = InputErrorCode.Required,
  ): number | undefined {
    const path = pathOf(base, key);
    const v = obj[key];
    if (v === undefined) return this.missing(path, missingCode);
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add(InputErrorCode.NotANumber, path, `${path} must be a finite number.`);
      return undefined;
    }
    return v;
  }

  /** A label in every supported locale: a missing translation is an error, not a silent fallback. */
  label(obj: Record<string, unknown>, key: string, base: string): LocalizedText | undefined {
    const o = this.object(obj, key, base);
    if (o === undefined) return undefined;
    const path = pathOf(base, key);
    const missing = LOCALES.filter((l) => typeof o[l] !== 'string' || o[l].trim() === '');
    if (missing.length > 0) {
      this.add(InputErrorCode.LabelIncomplete, path, `${path} needs text in ${missing.join(', ')}.`, {
        locales: missing.join(','),
      });
      return undefined;
    }
    return { en: o.en as string, 'zh-CN': o['zh-CN'] as string };
  }

  /** Reports every key of `obj` not in `allowed` (a misspelt optional field would otherwise vanish). */
  unknownFields(obj: Record<string, unknown>, allowed: readonly string[], base: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        const path = pathOf(base, key);
        this.add(InputErrorCode.UnknownField, path, `${path} is not a known field.`, { field: key });
      }
    }
  }

  private missing(path: string, code: string = InputErrorCode.Required): undefined {
    this.add(code, path, `${path} is required.`);
    return undefined;
  }
}

import { REFERENCE_CALENDAR_IDS } from '../defaults/calendarIds';
import { InputErrorCode, IssueList, isRecord, pathOf } from '../input';
import type { LocalizedText } from '../labels';
import { validateGradeSla } from '../sla/sla.validation';
import { SlaErrorCode } from '../sla/sla.errors';
import type { GradeSla } from '../sla/sla.types';
import type { RequirementTimes } from '../sla/timeRule';
import type { Validated } from '../validation';
import { GradingErrorCode } from './grading.errors';
import { scoreRange } from './gradeIssue';
import type {
  GradeDefinition,
  GradingDimension,
  GradingOption,
  GradingOverride,
  GradingTable,
  OverrideCondition,
  ScoreThreshold,
} from './gradingTable.types';

export interface GradingTableValidationOptions {
  /** Calendars that exist; default REFERENCE_CALENDAR_IDS. */
  calendarIds?: readonly string[];
}

/**
 * Reads a list of objects; reports an empty list when `nonEmpty`. Any element that is not an object
 * makes the whole list unknown, so later reference checks do not report its absence a second time.
 */
function objects(
  issues: IssueList,
  obj: Record<string, unknown>,
  key: string,
  nonEmpty: boolean,
): Array<{ value: Record<string, unknown>; path: string }> | undefined {
  const list = issues.list(obj, key, '');
  if (list === undefined) return undefined;
  if (nonEmpty && list.length === 0) {
    issues.add(GradingErrorCode.ListEmpty, key, `${key} must not be empty.`);
    return undefined;
  }
  const out: Array<{ value: Record<string, unknown>; path: string }> = [];
  list.forEach((v, i) => {
    const path = pathOf(key, i);
    if (isRecord(v)) out.push({ value: v, path });
    else issues.add(InputErrorCode.NotAnObject, path, `${path} must be an object.`);
  });
  return out.length === list.length ? out : undefined;
}

function reportDuplicates(issues: IssueList, items: ReadonlyArray<{ id: string | undefined; path: string }>): void {
  const seen = new Set<string>();
  for (const { id, path } of items) {
    if (id === undefined) continue;
    if (seen.has(id)) issues.add(GradingErrorCode.DuplicateId, pathOf(path, 'id'), `Id "${id}" is used twice.`, { id });
    seen.add(id);
  }
}

function readGrades(issues: IssueList, root: Record<string, unknown>): GradeDefinition[] | undefined {
  const items = objects(issues, root, 'grades', true);
  if (items === undefined) return undefined;
  const before = issues.count;
  const read = items.map(({ value, path }) => {
    issues.unknownFields(value, ['id', 'label'], path);
    return { id: issues.string(value, 'id', path), label: issues.label(value, 'label', path), path };
  });
  reportDuplicates(issues, read);
  if (issues.count > before) return undefined;
  return read.flatMap(({ id, label }) => (id !== undefined && label !== undefined ? [{ id, label }] : []));
}

function readOption(issues: IssueList, value: Record<string, unknown>, path: string): GradingOption | undefined {
  issues.unknownFields(value, ['id', 'label', 'score'], path);
  const id = issues.string(value, 'id', path);
  const label = issues.label(value, 'label', path);
  const score = issues.number(value, 'score', path, GradingErrorCode.OptionScoreMissing);
  if (score !== undefined && !Number.isInteger(score)) {
    // Integers keep weighted sums exact, so a score never lands a hair off a threshold.
    issues.add(GradingErrorCode.OptionScoreInvalid, pathOf(path, 'score'), 'An option score must be a whole number.', {
      value: score,
    });
    return undefined;
  }
  return id !== undefined && label !== undefined && score !== undefined ? { id, label, score } : undefined;
}

function readDimensions(issues: IssueList, root: Record<string, unknown>): GradingDimension[] | undefined {
  const items = objects(issues, root, 'dimensions', true);
  if (items === undefined) return undefined;
  const before = issues.count;
  const dims: Array<GradingDimension | undefined> = [];
  const ids: Array<{ id: string | undefined; path: string }> = [];
  for (const { value, path } of items) {
    issues.unknownFields(value, ['id', 'label', 'guidance', 'weight', 'options'], path);
    const id = issues.string(value, 'id', path);
    ids.push({ id, path });
    const label = issues.label(value, 'label', path);
    const guidance: LocalizedText | undefined =
      value.guidance === undefined ? undefined : issues.label(value, 'guidance', path);
    const weight = issues.number(value, 'weight', path);
    if (weight !== undefined && !(Number.isInteger(weight) && weight >= 0)) {
      issues.add(GradingErrorCode.WeightInvalid, pathOf(path, 'weight'), 'A weight must be a whole number ≥ 0.', {
        value: weight,
      });
    }
    const optionList = issues.list(value, 'options', path);
    const options: Array<GradingOption | undefined> = [];
    if (optionList !== undefined && optionList.length === 0) {
      issues.add(GradingErrorCode.ListEmpty, pathOf(path, 'options'), 'A dimension needs at least one option.');
    }
    const optionIds: Array<{ id: string | undefined; path: string }> = [];
    (optionList ?? []).forEach((o, i) => {
      const optionPath = pathOf(pathOf(path, 'options'), i);
      if (!isRecord(o)) {
        issues.add(InputErrorCode.NotAnObject, optionPath, `${optionPath} must be an object.`);
        return;
      }
      const option = readOption(issues, o, optionPath);
      options.push(option);
      optionIds.push({ id: typeof o.id === 'string' ? o.id : undefined, path: optionPath });
    });
    reportDuplicates(issues, optionIds);
    dims.push(
      id !== undefined && label !== undefined && weight !== undefined && optionList !== undefined
        ? {
            id,
            label,
            ...(guidance === undefined ? {} : { guidance }),
            weight,
            options: options.filter((o): o is GradingOption => o !== undefined),
          }
        : undefined,
    );
  }
  reportDuplicates(issues, ids);
  if (issues.count > before) return undefined;
  return dims.filter((d): d is GradingDimension => d !== undefined);
}

function checkGradeRef(
  issues: IssueList,
  grade: string | undefined,
  path: string,
  gradeIds: ReadonlySet<string> | undefined,
): void {
  if (grade !== undefined && gradeIds !== undefined && !gradeIds.has(grade)) {
    issues.add(GradingErrorCode.GradeUndefined, path, `Grade "${grade}" is not defined in grades.`, { grade });
  }
}

function readThresholds(
  issues: IssueList,
  root: Record<string, unknown>,
  grades: readonly GradeDefinition[] | undefined,
): ScoreThreshold[] | undefined {
  const items = objects(issues, root, 'thresholds', true);
  if (items === undefined) return undefined;
  const before = issues.count;
  const gradeIds = grades === undefined ? undefined : new Set(grades.map((g) => g.id));
  const rank = (id: string): number => grades?.findIndex((g) => g.id === id) ?? -1;
  const out: ScoreThreshold[] = [];
  let previous: { minScore: number; rank: number } | undefined;
  for (const { value, path } of items) {
    issues.unknownFields(value, ['minScore', 'grade'], path);
    const minScore = issues.number(value, 'minScore', path);
    const grade = issues.string(value, 'grade', path);
    checkGradeRef(issues, grade, pathOf(path, 'grade'), gradeIds);
    if (minScore === undefined || grade === undefined) {
      previous = undefined;
      continue;
    }
    const r = rank(grade);
    if (previous !== undefined && minScore <= previous.minScore) {
      issues.add(
        GradingErrorCode.ThresholdsNotAscending,
        pathOf(path, 'minScore'),
        'Thresholds must be listed by strictly ascending minScore.',
        {
          minScore,
          previous: previous.minScore,
        },
      );
    }
    // grades are most severe first, so a higher score must not move to a larger rank.
    if (previous !== undefined && r >= 0 && previous.rank >= 0 && r > previous.rank) {
      issues.add(
        GradingErrorCode.ThresholdsSeverityDescending,
        pathOf(path, 'grade'),
        'A higher score must not give a less severe grade.',
        { grade },
      );
    }
    previous = { minScore, rank: r };
    out.push({ minScore, grade });
  }
  return issues.count > before ? undefined : out;
}

function readCondition(
  issues: IssueList,
  value: Record<string, unknown>,
  path: string,
  dimensions: readonly GradingDimension[] | undefined,
): OverrideCondition | undefined {
  const when = issues.object(value, 'when', path);
  if (when === undefined) return undefined;
  const whenPath = pathOf(path, 'when');
  issues.unknownFields(when, ['dimension', 'options'], whenPath);
  const dimension = issues.string(when, 'dimension', whenPath);
  const options = issues.list(when, 'options', whenPath);
  if (options !== undefined && options.length === 0) {
    issues.add(GradingErrorCode.ListEmpty, pathOf(whenPath, 'options'), 'An override needs at least one option.');
  }
  const dim = dimensions?.find((d) => d.id === dimension);
  if (dimension !== undefined && dimensions !== undefined && dim === undefined) {
    issues.add(
      GradingErrorCode.DimensionUndefined,
      pathOf(whenPath, 'dimension'),
      `Dimension "${dimension}" is not defined.`,
      { dimension },
    );
  }
  const ids: string[] = [];
  (options ?? []).forEach((o, i) => {
    const optionPath = pathOf(pathOf(whenPath, 'options'), i);
    if (typeof o !== 'string') {
      issues.add(InputErrorCode.NotAString, optionPath, `${optionPath} must be an option id.`);
    } else if (dim !== undefined && !dim.options.some((x) => x.id === o)) {
      issues.add(GradingErrorCode.OptionUndefined, optionPath, `"${o}" is not an option of "${dim.id}".`, {
        dimension: dim.id,
        option: o,
      });
    } else {
      ids.push(o);
    }
  });
  return dimension !== undefined && options !== undefined ? { dimension, options: ids } : undefined;
}

function readOverrides(
  issues: IssueList,
  root: Record<string, unknown>,
  grades: readonly GradeDefinition[] | undefined,
  dimensions: readonly GradingDimension[] | undefined,
): GradingOverride[] | undefined {
  if (root.overrides === undefined) return []; // no overrides is a valid rule
  const items = objects(issues, root, 'overrides', false);
  if (items === undefined) return undefined;
  const before = issues.count;
  const gradeIds = grades === undefined ? undefined : new Set(grades.map((g) => g.id));
  const out: GradingOverride[] = [];
  const ids: Array<{ id: string | undefined; path: string }> = [];
  for (const { value, path } of items) {
    const id = issues.string(value, 'id', path);
    ids.push({ id, path });
    const label = issues.label(value, 'label', path);
    issues.unknownFields(value, ['id', 'label', 'kind', 'when', value.kind === 'raise' ? 'levels' : 'grade'], path);
    const when = readCondition(issues, value, path, dimensions);
    if (value.kind === 'atLeast') {
      const grade = issues.string(value, 'grade', path);
      checkGradeRef(issues, grade, pathOf(path, 'grade'), gradeIds);
      if (id !== undefined && label !== undefined && when !== undefined && grade !== undefined) {
        out.push({ id, label, kind: 'atLeast', when, grade });
      }
    } else if (value.kind === 'raise') {
      const levels = issues.number(value, 'levels', path);
      if (levels !== undefined && !(Number.isInteger(levels) && levels >= 1)) {
        issues.add(
          GradingErrorCode.OverrideLevelsInvalid,
          pathOf(path, 'levels'),
          'Levels must be a whole number ≥ 1.',
          { value: levels },
        );
      } else if (id !== undefined && label !== undefined && when !== undefined && levels !== undefined) {
        out.push({ id, label, kind: 'raise', when, levels });
      }
    } else {
      issues.add(
        GradingErrorCode.OverrideKindInvalid,
        pathOf(path, 'kind'),
        'An override kind must be "atLeast" or "raise".',
      );
    }
  }
  reportDuplicates(issues, ids);
  return issues.count > before ? undefined : out;
}

function readSla(
  issues: IssueList,
  root: Record<string, unknown>,
  grades: readonly GradeDefinition[] | undefined,
  calendarIds: ReadonlySet<string>,
): Record<string, GradeSla> | undefined {
  const sla = issues.object(root, 'sla', '');
  if (sla === undefined) return undefined;
  const before = issues.count;
  const out: Record<string, GradeSla> = {};
  const gradeIds = grades === undefined ? undefined : new Set(grades.map((g) => g.id));
  for (const [key, value] of Object.entries(sla)) {
    checkGradeRef(issues, key, pathOf('sla', key), gradeIds);
    const parsed = validateGradeSla(value, pathOf('sla', key), calendarIds, issues);
    if (parsed !== undefined) out[key] = parsed;
  }
  for (const g of grades ?? []) {
    if (!Object.prototype.hasOwnProperty.call(sla, g.id)) {
      issues.add(SlaErrorCode.Missing, pathOf('sla', g.id), `Grade "${g.id}" has no SLA.`, { grade: g.id });
    }
  }
  return issues.count > before ? undefined : out;
}

/**
 * The requirements' own times (optional, so tables saved before them stay valid): an SLA for any of
 * the grades (each validated like the problems'), and whether their clock stops while assessed.
 */
function readRequirementTimes(
  issues: IssueList,
  root: Record<string, unknown>,
  grades: readonly GradeDefinition[] | undefined,
  calendarIds: ReadonlySet<string>,
): RequirementTimes | undefined | null {
  if (root.requirementTimes === undefined) return undefined;
  const o = issues.object(root, 'requirementTimes', '');
  if (o === undefined) return null;
  const before = issues.count;
  issues.unknownFields(o, ['sla', 'pauseWhileAssessing'], 'requirementTimes');
  const out: { sla?: Record<string, GradeSla>; pauseWhileAssessing?: boolean } = {};
  if (o.pauseWhileAssessing !== undefined) {
    if (typeof o.pauseWhileAssessing !== 'boolean') {
      issues.add(
        GradingErrorCode.RequirementPauseInvalid,
        'requirementTimes.pauseWhileAssessing',
        'pauseWhileAssessing must be true or false.',
      );
    } else out.pauseWhileAssessing = o.pauseWhileAssessing;
  }
  if (o.sla !== undefined) {
    const sla = issues.object(o, 'sla', 'requirementTimes');
    if (sla !== undefined) {
      const gradeIds = grades === undefined ? undefined : new Set(grades.map((g) => g.id));
      const bySla: Record<string, GradeSla> = {};
      for (const [key, value] of Object.entries(sla)) {
        const path = pathOf('requirementTimes.sla', key);
        checkGradeRef(issues, key, path, gradeIds);
        const parsed = validateGradeSla(value, path, calendarIds, issues);
        if (parsed !== undefined) bySla[key] = parsed;
      }
      out.sla = bySla;
    }
  }
  return issues.count > before ? null : out;
}

/**
 * Proves that every combination of answers gets a grade: each total lies in [min, max] of `scoreRange`,
 * the thresholds cover every score from the first `minScore` upwards, and overrides only raise an
 * existing grade. So the first threshold must not exceed the lowest possible score.
 */
function checkCoverage(
  issues: IssueList,
  dimensions: readonly GradingDimension[],
  thresholds: readonly ScoreThreshold[],
): void {
  const { min, max } = scoreRange({ dimensions });
  const first = thresholds[0];
  if (first !== undefined && first.minScore > min) {
    issues.add(
      GradingErrorCode.ScoresWithoutGrade,
      'thresholds[0].minScore',
      `Scores from ${min} to below ${first.minScore} have no grade; lower the first threshold to ${min} or less.`,
      { from: min, below: first.minScore },
    );
  }
  thresholds.forEach((t, i) => {
    if (t.minScore > max) {
      issues.add(
        GradingErrorCode.ThresholdUnreachable,
        pathOf(pathOf('thresholds', i), 'minScore'),
        `No combination of answers scores ${t.minScore}; the highest possible score is ${max}.`,
        {
          minScore: t.minScore,
          max,
        },
      );
    }
  });
}

/**
 * Validates an admin-edited grading table (with its SLA/OLA) and returns it typed, or every issue
 * found with its path, e.g. `dimensions[1].options[0].score` or `sla.major.ola.lines`.
 */
export function validateGradingTable(
  input: unknown,
  options: GradingTableValidationOptions = {},
): Validated<GradingTable> {
  const issues = new IssueList();
  if (!isRecord(input)) {
    issues.add(InputErrorCode.NotAnObject, '', 'A grading table must be an object.');
    return { ok: false, issues: issues.issues };
  }
  issues.unknownFields(
    input,
    ['version', 'grades', 'dimensions', 'thresholds', 'overrides', 'sla', 'requirementTimes'],
    '',
  );
  const version = issues.number(input, 'version', '');
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) {
    issues.add(GradingErrorCode.VersionInvalid, 'version', 'The version must be a whole number ≥ 1.', {
      value: version,
    });
  }
  const grades = readGrades(issues, input);
  const dimensions = readDimensions(issues, input);
  const thresholds = readThresholds(issues, input, grades);
  if (dimensions !== undefined && thresholds !== undefined) checkCoverage(issues, dimensions, thresholds);
  const overrides = readOverrides(issues, input, grades, dimensions);
  const calendarIds = new Set(options.calendarIds ?? REFERENCE_CALENDAR_IDS);
  const sla = readSla(issues, input, grades, calendarIds);
  const requirementTimes = readRequirementTimes(issues, input, grades, calendarIds);

  if (
    issues.count > 0 ||
    version === undefined ||
    grades === undefined ||
    dimensions === undefined ||
    thresholds === undefined ||
    overrides === undefined ||
    sla === undefined ||
    requirementTimes === null
  ) {
    return { ok: false, issues: issues.issues };
  }
  const table: GradingTable = { version, grades, dimensions, thresholds, overrides, sla };
  return { ok: true, value: requirementTimes === undefined ? table : { ...table, requirementTimes } };
}

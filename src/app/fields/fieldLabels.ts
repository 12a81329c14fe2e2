/**
 * The labels each code-valued app field shows in Jira's own views, by field. manifest.yml carries the
 * formatter and search-suggestion expressions built from these (test/manifest/fieldLabels.test.ts
 * compares the text and prints the expected expressions when they differ), so a new stored value needs
 * its label here and in the manifest.
 *
 * Grades and customer tiers come from the admin's grading table, which Jira's formatter cannot read
 * (docs/decisions/field-labels.md): the shipped table's ids get their labels; an id the admin adds
 * later shows as itself, which is also what JQL matches. Product and region are what triage typed.
 */
import {
  ACCEPTANCE_LABELS,
  CLASSIFICATION_LABELS,
  DEFAULT_GRADING_TABLE,
  ITR_KIND_LABELS,
  RESPONSE_ALERT_LABELS,
  SUPPORT_LINE_LABELS,
  TIME_RULE_LABELS,
  WARRANTY_LABELS,
  YES_NO_LABELS,
  shortLabel,
  type ValueLabels,
} from '../../domain';
import type { ItrFieldName } from './itrFields';

const defaultTierOptions = DEFAULT_GRADING_TABLE.dimensions.find((d) => d.id === 'customerTier')?.options ?? [];

export const ITR_FIELD_VALUE_LABELS: Readonly<Partial<Record<ItrFieldName, ValueLabels>>> = {
  kind: ITR_KIND_LABELS,
  grade: Object.fromEntries(DEFAULT_GRADING_TABLE.grades.map((g) => [g.id, g.label])),
  line: SUPPORT_LINE_LABELS,
  warnedLine: SUPPORT_LINE_LABELS,
  customerTier: Object.fromEntries(defaultTierOptions.map((o) => [o.id, shortLabel(o.label)])),
  warranty: WARRANTY_LABELS,
  classification: CLASSIFICATION_LABELS,
  acceptance: ACCEPTANCE_LABELS,
  visitOpen: YES_NO_LABELS,
  rootCauseComplete: YES_NO_LABELS,
  responseAlert: RESPONSE_ALERT_LABELS,
  timeRule: TIME_RULE_LABELS,
};

/**
 * String fields that hold no code to label: product and region are what triage typed, and the grading
 * answers are one `dimension=option;…` string of the table's ids (the issue panel shows them labelled).
 */
export const ITR_FREE_TEXT_FIELDS: readonly ItrFieldName[] = ['product', 'region', 'gradingAnswers'];

/**
 * Fields setup leaves off the projects' screens, so Jira's issue view never shows them: the grading
 * answers are ids for JQL (`"ITR grading answers" = "…"`), which a formatter cannot label (it cannot read
 * the admin's table); the issue panel shows them labelled. The app writes them through
 * `/app/field/value`, which needs no screen.
 */
export const ITR_OFF_SCREEN_FIELDS: readonly ItrFieldName[] = ['gradingAnswers'];

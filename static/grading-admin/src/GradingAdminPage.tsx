/**
 * The grading table admin page (`jira:adminPage` itr-grading-admin). Everyone who can open it sees the
 * table and may preview; Jira administrators may edit and publish (the server checks it again).
 * The draft lives here until it is published: a refused save (conflict, invalid) keeps it.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type {
  CalendarSet,
  GradePreview,
  GradingAdminState,
  GradingTable,
  ValidationIssue,
} from '../../../src/contract/gradingAdmin';
import { type ApiError, call } from '../../shared/api';
import { toApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { formatOverrides, formatWindows, parseList, parseOverrides, parseWindows, setIn, type Key } from './draft';
import {
  Button,
  EditButton,
  EditContext,
  IssueList,
  NumberField,
  ParsedField,
  PathIssues,
  SelectField,
  TextField,
} from './fields';
import { Regrade } from './Regrade';
import { TabBar } from '../../shared/TabBar';

const TABS = ['dimensions', 'rule', 'sla', 'calendars', 'preview', 'history', 'transfer'] as const;
type Tab = (typeof TABS)[number];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const LINES = ['L1', 'L2', 'L3'] as const;
/** Wait after the last keystroke before asking the server to validate and preview; ms, default 400. */
const VALIDATE_DEBOUNCE_MS = 400;

type Label = { en: string; 'zh-CN': string };

/** Server-side validation problems from a failed envelope (first error = GRADING_DRAFT_INVALID). */
function issuesOf(error: ApiError): ValidationIssue[] | null {
  if (error.code !== 'GRADING_DRAFT_INVALID') return null;
  return error.errors
    .slice(1)
    .map((e) => ({ code: e.code, path: e.path ?? '', message: e.message, ...(e.params ? { params: e.params } : {}) }));
}

export function GradingAdminPage() {
  const { t } = useI18n();
  const [state, setState] = useState<GradingAdminState | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [table, setTable] = useState<GradingTable | null>(null);
  const [calendars, setCalendars] = useState<CalendarSet>({});
  const [dirty, setDirty] = useState({ table: false, calendars: false });
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('dimensions');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  const adopt = useCallback((next: GradingAdminState) => {
    setState(next);
    setTable(next.table);
    setCalendars(next.siteCalendars);
    setDirty({ table: false, calendars: false });
    setIssues([]);
  }, []);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      adopt(await call('getGradingAdmin', {}));
    } catch (error) {
      setLoadError(toApiError(error));
    }
  }, [adopt]);

  useEffect(() => {
    void load();
  }, [load]);

  // Validate the draft on the server shortly after each edit.
  const validation = useRef(0);
  useEffect(() => {
    if (table === null || (!dirty.table && !dirty.calendars)) return;
    const id = ++validation.current;
    const timer = setTimeout(() => {
      call('validateGradingDraft', { table, calendars })
        .then((r) => {
          if (id === validation.current) setIssues(r.issues);
        })
        .catch(() => undefined);
    }, VALIDATE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [table, calendars, dirty]);

  if (loadError !== null)
    return <ErrorState error={loadError} titleKey="gradingAdmin.loadFailed" onRetry={() => void load()} />;
  if (state === null || table === null) {
    return (
      <Box role="status" padding="space.200">
        <Text>{t('gradingAdmin.loading')}</Text>
      </Box>
    );
  }

  const readOnly = !state.canEdit;
  const editTable = (path: readonly Key[], value: unknown) => {
    setTable((current) => setIn(current, path, value));
    setDirty((d) => ({ ...d, table: true }));
    setNotice(null);
  };
  const editCalendars = (path: readonly Key[], value: unknown) => {
    setCalendars((current) => setIn(current, path, value));
    setDirty((d) => ({ ...d, calendars: true }));
    setNotice(null);
  };

  const act = async (run: () => Promise<GradingAdminState>, done: MessageKey) => {
    setBusy(true);
    setActionError(null);
    try {
      adopt(await run());
      setComment('');
      setNotice(t(done));
    } catch (error) {
      const apiError = toApiError(error);
      const found = issuesOf(apiError);
      if (found !== null) setIssues(found);
      setActionError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const saveTable = () =>
    act(
      () => call('saveGradingTable', { table, expectedRevision: state.tableRevision, comment }),
      'gradingAdmin.saved',
    );
  const saveCalendars = () =>
    act(
      () => call('saveCalendars', { calendars, expectedRevision: state.calendarsRevision }),
      'gradingAdmin.calendarsSaved',
    );

  const allCalendarIds = [...new Set([...state.builtInCalendarIds, ...Object.keys(calendars)])];

  return (
    <EditContext.Provider value={{ issues, readOnly }}>
      <Stack space="space.200" xcss={pageStyles}>
        <Inline spread="space-between" alignBlock="center">
          <Text as="strong" size="large" weight="bold">
            {t('gradingAdmin.title')}
          </Text>
          <Text color="color.text.subtle">{t('gradingAdmin.publishedVersion', { version: state.table.version })}</Text>
        </Inline>
        {readOnly ? (
          <Box xcss={noticeStyles} role="note" testId="read-only-notice">
            <Text>{t('gradingAdmin.readOnly')}</Text>
          </Box>
        ) : (
          <SaveBar
            dirty={dirty.table}
            calendarsDirty={dirty.calendars}
            busy={busy}
            comment={comment}
            onComment={setComment}
            onSave={() => void saveTable()}
            onSaveCalendars={() => void saveCalendars()}
            onDiscard={() => adopt(state)}
            issueCount={issues.length}
          />
        )}
        {actionError !== null ? (
          <ErrorState
            error={actionError}
            titleKey="gradingAdmin.actionFailed"
            {...(actionError.code === 'GRADING_REVISION_CONFLICT' ? { onRetry: () => void load() } : {})}
          />
        ) : null}
        {readOnly ? null : <Regrade />}
        {notice !== null ? (
          <Box role="status" xcss={successStyles}>
            <Text>{notice}</Text>
          </Box>
        ) : null}
        <TabBar<Tab>
          idPrefix="grading"
          label={t('gradingAdmin.title')}
          selected={tab}
          onSelect={setTab}
          tabs={TABS.map((id) => ({ id, label: t(`gradingAdmin.tab.${id}`) }))}
        />
        <Box role="tabpanel" id={`grading-panel-${tab}`} aria-labelledby={`grading-tab-${tab}`}>
          {tab === 'dimensions' ? <Dimensions table={table} edit={editTable} /> : null}
          {tab === 'rule' ? <Rule table={table} edit={editTable} /> : null}
          {tab === 'sla' ? <Sla table={table} calendarIds={allCalendarIds} edit={editTable} /> : null}
          {tab === 'calendars' ? (
            <Calendars builtIn={state.builtInCalendarIds} calendars={calendars} edit={editCalendars} />
          ) : null}
          {tab === 'preview' ? (
            <Preview table={table} calendars={calendars} useDraft={dirty.table || dirty.calendars} />
          ) : null}
          {tab === 'history' ? (
            <History
              state={state}
              busy={busy}
              onRestore={(version) =>
                void act(
                  () => call('restoreGradingVersion', { version, expectedRevision: state.tableRevision, comment }),
                  'gradingAdmin.restored',
                )
              }
            />
          ) : null}
          {tab === 'transfer' ? (
            <Transfer
              busy={busy}
              onImport={(json) =>
                void act(
                  () =>
                    call('importGradingConfig', {
                      json,
                      expectedRevision: state.tableRevision,
                      expectedCalendarsRevision: state.calendarsRevision,
                      comment,
                    }),
                  'gradingAdmin.imported',
                )
              }
            />
          ) : null}
        </Box>
      </Stack>
    </EditContext.Provider>
  );
}

const pageStyles = xcss({ padding: 'space.200' });
const noticeStyles = xcss({
  backgroundColor: 'color.background.information',
  padding: 'space.150',
  borderRadius: 'radius.medium',
});
const successStyles = xcss({
  backgroundColor: 'color.background.success',
  padding: 'space.150',
  borderRadius: 'radius.medium',
});
const cardStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});

function SaveBar(props: {
  dirty: boolean;
  calendarsDirty: boolean;
  busy: boolean;
  comment: string;
  issueCount: number;
  onComment: (v: string) => void;
  onSave: () => void;
  onSaveCalendars: () => void;
  onDiscard: () => void;
}) {
  const { t } = useI18n();
  return (
    <Box xcss={cardStyles}>
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Box xcss={xcss({ flexGrow: 1 })}>
            <TextField
              path="comment"
              label={t('gradingAdmin.comment')}
              placeholder={t('gradingAdmin.comment')}
              value={props.comment}
              onChange={(v) => props.onComment(String(v))}
            />
          </Box>
          <Button primary disabled={props.busy || !props.dirty || props.issueCount > 0} onClick={props.onSave}>
            {t('gradingAdmin.save')}
          </Button>
          <Button
            disabled={props.busy || !props.calendarsDirty || props.issueCount > 0}
            onClick={props.onSaveCalendars}
          >
            {t('gradingAdmin.saveCalendars')}
          </Button>
          <Button disabled={props.busy || (!props.dirty && !props.calendarsDirty)} onClick={props.onDiscard}>
            {t('gradingAdmin.discard')}
          </Button>
        </Inline>
        <Text size="small" color={props.issueCount > 0 ? 'color.text.danger' : 'color.text.subtle'} aria-live="polite">
          {props.issueCount > 0
            ? t('gradingAdmin.problems', { count: props.issueCount })
            : props.dirty || props.calendarsDirty
              ? t('gradingAdmin.unsaved')
              : t('gradingAdmin.upToDate')}
        </Text>
      </Stack>
    </Box>
  );
}

type Edit = (path: readonly Key[], value: unknown) => void;

function LabelFields({
  base,
  path,
  value,
  edit,
}: {
  base: string;
  path: readonly Key[];
  value: Label | undefined;
  edit: Edit;
}) {
  const { t } = useI18n();
  return (
    <Inline space="space.100">
      <TextField
        path={`${base}.en`}
        label={t('gradingAdmin.labelEn')}
        placeholder="English"
        value={value?.en ?? ''}
        onChange={(v) => edit([...path, 'en'], v)}
      />
      <TextField
        path={`${base}.zh-CN`}
        label={t('gradingAdmin.labelZh')}
        placeholder="中文"
        value={value?.['zh-CN'] ?? ''}
        onChange={(v) => edit([...path, 'zh-CN'], v)}
      />
    </Inline>
  );
}

function useLocalized(): (label: Label | undefined, fallback: string) => string {
  const { locale } = useI18n();
  return (label, fallback) =>
    label === undefined ? fallback : (locale === 'zh-CN' ? label['zh-CN'] : label.en) || fallback;
}

function Dimensions({ table, edit }: { table: GradingTable; edit: Edit }) {
  const { t } = useI18n();
  const dims = table.dimensions;
  return (
    <Stack space="space.200">
      <PathIssues path="dimensions" />
      {dims.map((d, di) => (
        <Box key={di} xcss={cardStyles}>
          <Stack space="space.100">
            <Inline space="space.100" alignBlock="end" shouldWrap>
              <TextField
                path={`dimensions[${di}].id`}
                label={t('gradingAdmin.id')}
                width="12em"
                value={d.id}
                onChange={(v) => edit(['dimensions', di, 'id'], v)}
              />
              <LabelFields
                base={`dimensions[${di}].label`}
                path={['dimensions', di, 'label']}
                value={d.label}
                edit={edit}
              />
              <NumberField
                path={`dimensions[${di}].weight`}
                label={t('gradingAdmin.weight')}
                value={d.weight}
                onChange={(v) => edit(['dimensions', di, 'weight'], v)}
              />
              <EditButton
                label={t('gradingAdmin.removeDimension')}
                onClick={() =>
                  edit(
                    ['dimensions'],
                    dims.filter((_, i) => i !== di),
                  )
                }
              >
                {t('gradingAdmin.remove')}
              </EditButton>
            </Inline>
            <Text size="small" color="color.text.subtle">
              {t('gradingAdmin.optionsHint')}
            </Text>
            <PathIssues path={`dimensions[${di}].options`} />
            {d.options.map((o, oi) => (
              <Inline key={oi} space="space.100" alignBlock="start" shouldWrap>
                <TextField
                  path={`dimensions[${di}].options[${oi}].id`}
                  label={t('gradingAdmin.optionId')}
                  width="10em"
                  value={o.id}
                  onChange={(v) => edit(['dimensions', di, 'options', oi, 'id'], v)}
                />
                <LabelFields
                  base={`dimensions[${di}].options[${oi}].label`}
                  path={['dimensions', di, 'options', oi, 'label']}
                  value={o.label}
                  edit={edit}
                />
                <NumberField
                  path={`dimensions[${di}].options[${oi}].score`}
                  label={t('gradingAdmin.score', { dimension: d.id, option: o.id })}
                  value={o.score}
                  onChange={(v) => edit(['dimensions', di, 'options', oi, 'score'], v)}
                />
                <EditButton
                  label={t('gradingAdmin.removeOption')}
                  onClick={() =>
                    edit(
                      ['dimensions', di, 'options'],
                      d.options.filter((_, i) => i !== oi),
                    )
                  }
                >
                  {t('gradingAdmin.remove')}
                </EditButton>
              </Inline>
            ))}
            <Box>
              <EditButton
                onClick={() =>
                  edit(
                    ['dimensions', di, 'options'],
                    [...d.options, { id: '', label: { en: '', 'zh-CN': '' }, score: 0 }],
                  )
                }
              >
                {t('gradingAdmin.addOption')}
              </EditButton>
            </Box>
          </Stack>
        </Box>
      ))}
      <Box>
        <EditButton
          onClick={() =>
            edit(['dimensions'], [...dims, { id: '', label: { en: '', 'zh-CN': '' }, weight: 1, options: [] }])
          }
        >
          {t('gradingAdmin.addDimension')}
        </EditButton>
      </Box>
    </Stack>
  );
}

function Rule({ table, edit }: { table: GradingTable; edit: Edit }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const gradeOptions = table.grades.map((g) => ({ value: g.id, label: localized(g.label, g.id) }));
  const dimOptions = table.dimensions.map((d) => ({ value: d.id, label: localized(d.label, d.id) }));
  return (
    <Stack space="space.200">
      <Text weight="bold">{t('gradingAdmin.grades')}</Text>
      <PathIssues path="grades" />
      {table.grades.map((g, gi) => (
        <Inline key={gi} space="space.100" alignBlock="start">
          <Box xcss={xcss({ minWidth: 'size.1000' })}>
            <Text>{g.id}</Text>
          </Box>
          <LabelFields base={`grades[${gi}].label`} path={['grades', gi, 'label']} value={g.label} edit={edit} />
        </Inline>
      ))}
      <Text weight="bold">{t('gradingAdmin.thresholds')}</Text>
      <Text size="small" color="color.text.subtle">
        {t('gradingAdmin.thresholdsHint')}
      </Text>
      <PathIssues path="thresholds" />
      {table.thresholds.map((th, ti) => (
        <Inline key={ti} space="space.100" alignBlock="start">
          <NumberField
            path={`thresholds[${ti}].minScore`}
            label={t('gradingAdmin.minScore')}
            value={th.minScore}
            onChange={(v) => edit(['thresholds', ti, 'minScore'], v)}
          />
          <SelectField
            path={`thresholds[${ti}].grade`}
            label={t('gradingAdmin.grade')}
            value={th.grade}
            options={gradeOptions}
            onChange={(v) => edit(['thresholds', ti, 'grade'], v)}
          />
          <EditButton
            onClick={() =>
              edit(
                ['thresholds'],
                table.thresholds.filter((_, i) => i !== ti),
              )
            }
          >
            {t('gradingAdmin.remove')}
          </EditButton>
        </Inline>
      ))}
      <Box>
        <EditButton
          onClick={() => edit(['thresholds'], [...table.thresholds, { minScore: 0, grade: table.grades[0]?.id ?? '' }])}
        >
          {t('gradingAdmin.addThreshold')}
        </EditButton>
      </Box>
      <Text weight="bold">{t('gradingAdmin.overrides')}</Text>
      <Text size="small" color="color.text.subtle">
        {t('gradingAdmin.overridesHint')}
      </Text>
      <PathIssues path="overrides" />
      {table.overrides.map((o, oi) => (
        <Box key={oi} xcss={cardStyles}>
          <Inline space="space.100" alignBlock="start" shouldWrap>
            <TextField
              path={`overrides[${oi}].id`}
              label={t('gradingAdmin.id')}
              width="10em"
              value={o.id}
              onChange={(v) => edit(['overrides', oi, 'id'], v)}
            />
            <LabelFields
              base={`overrides[${oi}].label`}
              path={['overrides', oi, 'label']}
              value={o.label}
              edit={edit}
            />
            <SelectField
              path={`overrides[${oi}].when.dimension`}
              label={t('gradingAdmin.dimension')}
              value={o.when.dimension}
              options={dimOptions}
              onChange={(v) => edit(['overrides', oi, 'when', 'dimension'], v)}
            />
            <ParsedField<readonly string[]>
              path={`overrides[${oi}].when.options`}
              below
              label={t('gradingAdmin.whenOptions')}
              width="14em"
              value={o.when.options}
              format={(v) => (Array.isArray(v) ? v.join(', ') : '')}
              parse={parseList}
              onChange={(v) => edit(['overrides', oi, 'when', 'options'], v)}
            />
            <SelectField
              path={`overrides[${oi}].kind`}
              label={t('gradingAdmin.overrideKind')}
              value={o.kind}
              options={[
                { value: 'atLeast', label: t('gradingAdmin.kind.atLeast') },
                { value: 'raise', label: t('gradingAdmin.kind.raise') },
              ]}
              onChange={(v) =>
                edit(
                  ['overrides', oi],
                  v === 'raise'
                    ? { id: o.id, label: o.label, kind: 'raise', when: o.when, levels: 1 }
                    : { id: o.id, label: o.label, kind: 'atLeast', when: o.when, grade: table.grades[0]?.id ?? '' },
                )
              }
            />
            {o.kind === 'atLeast' ? (
              <SelectField
                path={`overrides[${oi}].grade`}
                label={t('gradingAdmin.grade')}
                value={o.grade}
                options={gradeOptions}
                onChange={(v) => edit(['overrides', oi, 'grade'], v)}
              />
            ) : (
              <NumberField
                path={`overrides[${oi}].levels`}
                label={t('gradingAdmin.levels')}
                value={o.levels}
                onChange={(v) => edit(['overrides', oi, 'levels'], v)}
              />
            )}
            <EditButton
              onClick={() =>
                edit(
                  ['overrides'],
                  table.overrides.filter((_, i) => i !== oi),
                )
              }
            >
              {t('gradingAdmin.remove')}
            </EditButton>
          </Inline>
        </Box>
      ))}
      <Box>
        <EditButton
          onClick={() =>
            edit(
              ['overrides'],
              [
                ...table.overrides,
                {
                  id: '',
                  label: { en: '', 'zh-CN': '' },
                  kind: 'raise',
                  when: { dimension: table.dimensions[0]?.id ?? '', options: [] },
                  levels: 1,
                },
              ],
            )
          }
        >
          {t('gradingAdmin.addOverride')}
        </EditButton>
      </Box>
    </Stack>
  );
}

function Sla({ table, calendarIds, edit }: { table: GradingTable; calendarIds: string[]; edit: Edit }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const calendarOptions = calendarIds.map((id) => ({ value: id, label: id }));
  return (
    <Stack space="space.200">
      <Text size="small" color="color.text.subtle">
        {t('gradingAdmin.slaHint')}
      </Text>
      <PathIssues path="sla" />
      {table.grades.map((g) => {
        const sla = table.sla[g.id];
        const base = `sla.${g.id}`;
        if (sla === undefined) return <PathIssues key={g.id} path={base} />;
        return (
          <Box key={g.id} xcss={cardStyles}>
            <Stack space="space.100">
              <Text weight="bold">{localized(g.label, g.id)}</Text>
              <PathIssues path={base} />
              <Inline space="space.150" alignBlock="start" shouldWrap>
                <Stack space="space.025">
                  <Text size="small">{t('gradingAdmin.responseMinutes')}</Text>
                  <NumberField
                    path={`${base}.responseMinutes`}
                    label={t('gradingAdmin.responseMinutes')}
                    value={sla.responseMinutes}
                    onChange={(v) => edit(['sla', g.id, 'responseMinutes'], v)}
                  />
                </Stack>
                <Stack space="space.025">
                  <Text size="small">{t('gradingAdmin.resolutionMinutes')}</Text>
                  <NumberField
                    path={`${base}.resolutionMinutes`}
                    label={t('gradingAdmin.resolutionMinutes')}
                    value={sla.resolutionMinutes}
                    onChange={(v) => edit(['sla', g.id, 'resolutionMinutes'], v)}
                  />
                </Stack>
                <Stack space="space.025">
                  <Text size="small">{t('gradingAdmin.calendar')}</Text>
                  <SelectField
                    path={`${base}.calendarId`}
                    label={t('gradingAdmin.calendar')}
                    value={sla.calendarId}
                    options={calendarOptions}
                    onChange={(v) => edit(['sla', g.id, 'calendarId'], v)}
                  />
                </Stack>
                <Stack space="space.025">
                  <Text size="small">{t('gradingAdmin.olaUnit')}</Text>
                  <SelectField
                    path={`${base}.ola.unit`}
                    label={t('gradingAdmin.olaUnit')}
                    value={sla.ola.unit}
                    options={[
                      { value: 'percent', label: t('gradingAdmin.unit.percent') },
                      { value: 'minutes', label: t('gradingAdmin.unit.minutes') },
                    ]}
                    onChange={(v) => edit(['sla', g.id, 'ola', 'unit'], v)}
                  />
                </Stack>
              </Inline>
              <PathIssues path={`${base}.ola`} />
              <PathIssues path={`${base}.ola.lines`} />
              {LINES.map((line) => {
                const share = sla.ola.lines[line];
                const lp = `${base}.ola.lines.${line}`;
                return (
                  <Inline key={line} space="space.100" alignBlock="start" shouldWrap>
                    <Box xcss={xcss({ minWidth: 'size.500' })}>
                      <Text weight="medium">{line}</Text>
                    </Box>
                    <NumberField
                      path={`${lp}.amount`}
                      label={t('gradingAdmin.lineAmount', { line })}
                      value={share?.amount}
                      onChange={(v) => edit(['sla', g.id, 'ola', 'lines', line, 'amount'], v)}
                    />
                    <SelectField
                      path={`${lp}.calendarId`}
                      label={t('gradingAdmin.lineCalendar', { line })}
                      value={share?.calendarId ?? ''}
                      options={[{ value: '', label: t('gradingAdmin.sameCalendar') }, ...calendarOptions]}
                      onChange={(v) =>
                        edit(['sla', g.id, 'ola', 'lines', line, 'calendarId'], v === '' ? undefined : v)
                      }
                    />
                    <NumberField
                      path={`${lp}.warningFraction`}
                      label={t('gradingAdmin.warningFraction', { line })}
                      placeholder="0.75"
                      value={share?.warningFraction}
                      onChange={(v) =>
                        edit(['sla', g.id, 'ola', 'lines', line, 'warningFraction'], v === null ? undefined : v)
                      }
                    />
                  </Inline>
                );
              })}
            </Stack>
          </Box>
        );
      })}
    </Stack>
  );
}

function Calendars({ builtIn, calendars, edit }: { builtIn: string[]; calendars: CalendarSet; edit: Edit }) {
  const { t } = useI18n();
  const [newId, setNewId] = useState('');
  return (
    <Stack space="space.200">
      <Text size="small" color="color.text.subtle">
        {t('gradingAdmin.calendarsHint', { ids: builtIn.join(', ') })}
      </Text>
      <PathIssues path="calendars" />
      {Object.entries(calendars).map(([id, cal]) => {
        const base = `calendars.${id}`;
        return (
          <Box key={id} xcss={cardStyles}>
            <Stack space="space.100">
              <Inline spread="space-between" alignBlock="center">
                <Text weight="bold">{id}</Text>
                <EditButton onClick={() => edit([id], undefined)}>{t('gradingAdmin.remove')}</EditButton>
              </Inline>
              <PathIssues path={base} />
              <Inline space="space.100" alignBlock="center">
                <Text size="small">{t('gradingAdmin.timeZone')}</Text>
                <TextField
                  path={`${base}.timeZone`}
                  label={t('gradingAdmin.timeZone')}
                  width="16em"
                  value={cal.timeZone}
                  onChange={(v) => edit([id, 'timeZone'], v)}
                />
              </Inline>
              {WEEKDAYS.map((day) => (
                <Inline key={day} space="space.100" alignBlock="start">
                  <Box xcss={xcss({ minWidth: 'size.1000' })}>
                    <Text size="small">{t(`gradingAdmin.day.${day}`)}</Text>
                  </Box>
                  <ParsedField<unknown>
                    path={`${base}.week.${day}`}
                    below
                    label={t('gradingAdmin.windowsOf', { day: t(`gradingAdmin.day.${day}`), calendar: id })}
                    placeholder="09:00-12:00, 13:30-18:00"
                    value={cal.week[day]}
                    format={formatWindows}
                    parse={(s) => (s.trim() === '' ? undefined : parseWindows(s))}
                    onChange={(v) => edit([id, 'week', day], v)}
                  />
                </Inline>
              ))}
              <Text size="small">{t('gradingAdmin.holidays')}</Text>
              <ParsedField<unknown>
                path={`${base}.holidays`}
                below
                multiline
                label={t('gradingAdmin.holidays')}
                placeholder="2026-10-01, 2026-10-02"
                value={cal.holidays}
                format={(v) => (Array.isArray(v) ? v.join(', ') : '')}
                parse={(s) => (s.trim() === '' ? undefined : parseList(s))}
                onChange={(v) => edit([id, 'holidays'], v)}
              />
              <Text size="small">{t('gradingAdmin.overrideDays')}</Text>
              <ParsedField<unknown>
                path={`${base}.overrides`}
                below
                multiline
                label={t('gradingAdmin.overrideDays')}
                placeholder={'2026-10-11: 09:00-18:00\n2026-10-08: off'}
                value={cal.overrides}
                format={formatOverrides}
                parse={(s) => (s.trim() === '' ? undefined : parseOverrides(s))}
                onChange={(v) => edit([id, 'overrides'], v)}
              />
            </Stack>
          </Box>
        );
      })}
      <EditButtonRow>
        <TextField
          path="newCalendarId"
          label={t('gradingAdmin.newCalendarId')}
          placeholder={t('gradingAdmin.newCalendarId')}
          width="14em"
          value={newId}
          onChange={(v) => setNewId(String(v))}
        />
        <EditButton
          disabled={newId.trim() === '' || calendars[newId.trim()] !== undefined}
          onClick={() => {
            edit([newId.trim()], {
              timeZone: 'Asia/Shanghai',
              week: {
                mon: [['09:00', '18:00']],
                tue: [['09:00', '18:00']],
                wed: [['09:00', '18:00']],
                thu: [['09:00', '18:00']],
                fri: [['09:00', '18:00']],
              },
            });
            setNewId('');
          }}
        >
          {t('gradingAdmin.addCalendar')}
        </EditButton>
      </EditButtonRow>
    </Stack>
  );
}

function EditButtonRow({ children }: { children: ReactNode }) {
  return (
    <Inline space="space.100" alignBlock="start">
      {children}
    </Inline>
  );
}

function Preview({ table, calendars, useDraft }: { table: GradingTable; calendars: CalendarSet; useDraft: boolean }) {
  const { t, formatDateTime } = useI18n();
  const localized = useLocalized();
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries(table.dimensions.map((d) => [d.id, d.options[d.options.length - 1]?.id ?? ''])),
  );
  const [start, setStart] = useState(() => new Date().toISOString().slice(0, 16));
  const [result, setResult] = useState<{ preview: GradePreview } | { error: ApiError } | null>(null);
  const startIso = useMemo(() => {
    const d = new Date(start);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }, [start]);

  useEffect(() => {
    if (startIso === null) return;
    let live = true;
    const timer = setTimeout(() => {
      call('previewGrade', { answers, startAt: startIso, ...(useDraft ? { draft: { table, calendars } } : {}) })
        .then((preview) => live && setResult({ preview }))
        .catch((error: unknown) => live && setResult({ error: toApiError(error) }));
    }, VALIDATE_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [answers, startIso, table, calendars, useDraft]);

  const labelOf = (kind: 'dimension' | 'option' | 'grade', id: string, dimension?: string): string => {
    if (kind === 'grade') return localized(table.grades.find((g) => g.id === id)?.label, id);
    const dim = table.dimensions.find((d) => d.id === (kind === 'dimension' ? id : dimension));
    if (kind === 'dimension') return localized(dim?.label, id);
    return localized(dim?.options.find((o) => o.id === id)?.label, id);
  };

  return (
    <Stack space="space.200">
      <EditContext.Provider value={{ issues: [], readOnly: false }}>
        {table.dimensions.map((d) => (
          <Inline key={d.id} space="space.100" alignBlock="center">
            <Box xcss={xcss({ minWidth: 'size.1000' })}>
              <Text size="small">{localized(d.label, d.id)}</Text>
            </Box>
            <SelectField
              path={`answers.${d.id}`}
              label={localized(d.label, d.id)}
              value={answers[d.id] ?? ''}
              options={d.options.map((o) => ({ value: o.id, label: localized(o.label, o.id) }))}
              onChange={(v) => setAnswers((a) => ({ ...a, [d.id]: v }))}
            />
          </Inline>
        ))}
        <Inline space="space.100" alignBlock="center">
          <Text size="small">{t('gradingAdmin.previewStart')}</Text>
          <input
            type="datetime-local"
            aria-label={t('gradingAdmin.previewStart')}
            value={start}
            onChange={(e) => setStart(e.target.value)}
          />
        </Inline>
      </EditContext.Provider>
      {result !== null && 'error' in result ? (
        <Box role="alert">
          <IssueList
            issues={issuesOf(result.error) ?? [{ code: result.error.code, path: '', message: result.error.message }]}
          />
        </Box>
      ) : null}
      {result !== null && 'preview' in result ? (
        <Box xcss={cardStyles} aria-live="polite" testId="preview-result">
          <Stack space="space.100">
            <Text weight="bold" size="large">
              {t('gradingAdmin.previewGrade', {
                grade: labelOf('grade', result.preview.grade),
                score: result.preview.score,
              })}
            </Text>
            {result.preview.explanation.map((step, i) => (
              <Text key={i} size="small">
                {step.code === 'GRADING_STEP_DIMENSION'
                  ? t('gradingAdmin.step.dimension', {
                      ...step.params,
                      dimension: labelOf('dimension', step.params.dimension),
                      option: labelOf('option', step.params.option, step.params.dimension),
                    })
                  : step.code === 'GRADING_STEP_THRESHOLD'
                    ? t('gradingAdmin.step.threshold', { ...step.params, grade: labelOf('grade', step.params.grade) })
                    : t('gradingAdmin.step.override', {
                        override: localized(
                          table.overrides.find((o) => o.id === step.params.override)?.label,
                          step.params.override,
                        ),
                        from: labelOf('grade', step.params.from),
                        to: labelOf('grade', step.params.to),
                      })}
              </Text>
            ))}
            <Text>
              {t('gradingAdmin.responseDue', {
                time: formatDateTime(result.preview.responseDueAt) ?? '',
                calendar: result.preview.calendarId,
              })}
            </Text>
            <Text>
              {t('gradingAdmin.resolutionDue', { time: formatDateTime(result.preview.resolutionDueAt) ?? '' })}
            </Text>
            {result.preview.lines.map((l) => (
              <Text key={l.line} size="small">
                {t('gradingAdmin.lineDue', {
                  line: l.line,
                  minutes: l.minutes,
                  calendar: l.calendarId,
                  warn: l.warnAt === null ? t('common.notSet') : (formatDateTime(l.warnAt) ?? ''),
                  due: l.dueAt === null ? t('common.notSet') : (formatDateTime(l.dueAt) ?? ''),
                })}
              </Text>
            ))}
          </Stack>
        </Box>
      ) : null}
    </Stack>
  );
}

function History({
  state,
  busy,
  onRestore,
}: {
  state: GradingAdminState;
  busy: boolean;
  onRestore: (version: number) => void;
}) {
  const { t, formatDateTime } = useI18n();
  return (
    <Stack space="space.100" as="ul" xcss={xcss({ paddingInlineStart: 'space.0', listStyle: 'none' })}>
      {state.versions.map((v) => (
        <Box as="li" key={v.version} xcss={cardStyles}>
          <Inline spread="space-between" alignBlock="center" shouldWrap>
            <Stack space="space.025">
              <Text weight="bold">
                {t('gradingAdmin.versionLabel', { version: v.version })}
                {v.current ? ` · ${t('gradingAdmin.current')}` : ''}
              </Text>
              <Text size="small" color="color.text.subtle">
                {v.savedAt === null
                  ? t('gradingAdmin.shipped')
                  : t('gradingAdmin.savedByAt', { who: v.savedBy ?? '', when: formatDateTime(v.savedAt) ?? '' })}
                {v.restoredFrom === null ? '' : ` · ${t('gradingAdmin.restoredFrom', { version: v.restoredFrom })}`}
              </Text>
              {v.comment === '' ? null : <Text size="small">{v.comment}</Text>}
            </Stack>
            {v.current ? null : (
              <EditButton
                disabled={busy}
                label={t('gradingAdmin.restoreVersion', { version: v.version })}
                onClick={() => onRestore(v.version)}
              >
                {t('gradingAdmin.restore')}
              </EditButton>
            )}
          </Inline>
        </Box>
      ))}
    </Stack>
  );
}

function Transfer({ busy, onImport }: { busy: boolean; onImport: (json: string) => void }) {
  const { t } = useI18n();
  const [exported, setExported] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [text, setText] = useState('');
  const doExport = async () => {
    try {
      setExported(JSON.stringify(await call('exportGradingConfig', {}), null, 2));
      setError(null);
    } catch (e) {
      setError(toApiError(e));
    }
  };
  return (
    <Stack space="space.200">
      <Box>
        <Button onClick={() => void doExport()}>{t('gradingAdmin.export')}</Button>
      </Box>
      {error === null ? null : <ErrorState error={error} />}
      {exported === null ? null : (
        <textarea
          readOnly
          aria-label={t('gradingAdmin.exported')}
          rows={12}
          value={exported}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      <EditContext.Consumer>
        {({ readOnly }) =>
          readOnly ? null : (
            <Stack space="space.100">
              <Text>{t('gradingAdmin.importHint')}</Text>
              <textarea
                aria-label={t('gradingAdmin.importJson')}
                rows={8}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
              <Box>
                <Button primary disabled={busy || text.trim() === ''} onClick={() => onImport(text)}>
                  {t('gradingAdmin.import')}
                </Button>
              </Box>
            </Stack>
          )
        }
      </EditContext.Consumer>
    </Stack>
  );
}

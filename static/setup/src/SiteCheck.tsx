import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type {
  SiteCheckDetailCode,
  SiteCheckId,
  SiteCheckLine,
  SiteCheckOutcome,
  SiteCheckPermission,
  SiteCheckReport,
  SiteCheckTrigger,
  JiraRefusal,
} from '../../../src/contract/siteCheck';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { isMessageKey, type I18n, type MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { joinList, ruleName } from './RuleList';
import { sectionStyles } from './sectionStyles';
import { cellStyle, headStyle, tableStyle } from '../../shared/tableStyles';

/** Each check's title (exhaustive: a new check id is a type error until it has one). */
const CHECK_KEYS: Readonly<Record<SiteCheckId, MessageKey>> = {
  fields: 'siteCheck.check.fields',
  expressions: 'siteCheck.check.expressions',
  rulesAttached: 'siteCheck.check.rulesAttached',
  resolution: 'siteCheck.check.resolution',
  projectPermissions: 'siteCheck.check.projectPermissions',
  migrations: 'siteCheck.check.migrations',
  triggers: 'siteCheck.check.triggers',
  license: 'siteCheck.check.license',
};

/** Each detail's text, and for a failure the fix (exhaustive for the same reason). */
const DETAIL_KEYS: Readonly<Record<SiteCheckDetailCode, { detail: MessageKey; fix?: MessageKey }>> = {
  fieldsFound: { detail: 'siteCheck.detail.fieldsFound' },
  fieldsMissing: { detail: 'siteCheck.detail.fieldsMissing', fix: 'siteCheck.fix.fieldsMissing' },
  expressionsAgree: { detail: 'siteCheck.detail.expressionsAgree' },
  expressionDisagrees: { detail: 'siteCheck.detail.expressionDisagrees', fix: 'siteCheck.fix.expressionDisagrees' },
  expressionFailed: { detail: 'siteCheck.detail.expressionFailed', fix: 'siteCheck.fix.expressionFailed' },
  noIssueToTry: { detail: 'siteCheck.detail.noIssueToTry' },
  needsFields: { detail: 'siteCheck.detail.needsFields' },
  rulesAttached: { detail: 'siteCheck.detail.rulesAttached' },
  workflowMissing: { detail: 'siteCheck.detail.workflowMissing', fix: 'siteCheck.fix.workflowMissing' },
  ruleMissing: { detail: 'siteCheck.detail.ruleMissing', fix: 'siteCheck.fix.ruleMissing' },
  ruleConfigStale: { detail: 'siteCheck.detail.ruleConfigStale', fix: 'siteCheck.fix.ruleConfigStale' },
  resolutionSet: { detail: 'siteCheck.detail.resolutionSet' },
  resolutionNotSet: { detail: 'siteCheck.detail.resolutionNotSet', fix: 'siteCheck.fix.resolutionNotSet' },
  needsWorkflow: { detail: 'siteCheck.detail.needsWorkflow' },
  projectsAllowed: { detail: 'siteCheck.detail.projectsAllowed' },
  projectsRefused: { detail: 'siteCheck.detail.projectsRefused', fix: 'siteCheck.fix.projectsRefused' },
  noItrProjects: { detail: 'siteCheck.detail.noItrProjects' },
  migrationsApplied: { detail: 'siteCheck.detail.migrationsApplied' },
  migrationsPending: { detail: 'siteCheck.detail.migrationsPending', fix: 'siteCheck.fix.migrationsPending' },
  triggersRan: { detail: 'siteCheck.detail.triggersRan' },
  triggersLate: { detail: 'siteCheck.detail.triggersLate', fix: 'siteCheck.fix.triggersLate' },
  licenseActive: { detail: 'siteCheck.detail.licenseActive' },
  licenseInactive: { detail: 'siteCheck.detail.licenseInactive', fix: 'siteCheck.fix.licenseInactive' },
  licenseAbsent: { detail: 'siteCheck.detail.licenseAbsent' },
  jiraRefused: { detail: 'siteCheck.detail.jiraRefused', fix: 'siteCheck.fix.jiraRefused' },
  checkFailed: { detail: 'siteCheck.detail.checkFailed', fix: 'siteCheck.fix.checkFailed' },
};

const SUBJECT_KEYS: Readonly<Record<string, MessageKey>> = {
  submitter: 'siteCheck.subject.submitter',
  other: 'siteCheck.subject.other',
  fallback: 'siteCheck.subject.fallback',
};

/**
 * "Site check" on the setup page: one button, then one row per check with its result in words (not
 * colour alone) and, for a failure, the fix. Focus moves to the result's summary when it arrives.
 */
export function SiteCheck() {
  const { t, formatDateTime } = useI18n();
  const [report, setReport] = useState<SiteCheckReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const summary = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (report !== null) summary.current?.focus();
  }, [report]);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await call('runSiteCheck', {}));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const count = (o: SiteCheckOutcome) => String(report?.lines.filter((l) => l.outcome === o).length ?? 0);
  return (
    <Box as="section" xcss={sectionStyles} testId="site-check-section">
      <Stack space="space.150">
        <h2>{t('siteCheck.title')}</h2>
        <Text as="p">{t('siteCheck.intro')}</Text>
        <Box>
          <Button appearance="primary" isDisabled={busy} onClick={() => void run()} testId="site-check-run">
            {t('siteCheck.run')}
          </Button>
        </Box>
        {busy ? (
          <Box role="status">
            <Text as="p">{t('siteCheck.running')}</Text>
          </Box>
        ) : null}
        {error !== null ? <ErrorState error={error} titleKey="siteCheck.title" onRetry={() => void run()} /> : null}
        {report !== null && !busy ? (
          <Stack space="space.100">
            {/* eslint-disable-next-line @atlaskit/design-system/use-primitives-text -- focus moves here; Text takes no tabIndex */}
            <p ref={summary} tabIndex={-1} role="status" data-testid="site-check-summary">
              {t('siteCheck.summary', {
                at: formatDateTime(report.checkedAt) ?? '—',
                pass: count('pass'),
                fail: count('fail'),
                skip: count('skip'),
              })}
            </p>
            <table data-testid="site-check-table" style={tableStyle}>
              <thead>
                <tr>
                  <th scope="col" style={headStyle}>
                    {t('siteCheck.col.check')}
                  </th>
                  <th scope="col" style={headStyle}>
                    {t('siteCheck.col.outcome')}
                  </th>
                  <th scope="col" style={headStyle}>
                    {t('siteCheck.col.detail')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.lines.map((line) => (
                  <Line key={line.id} line={line} />
                ))}
              </tbody>
            </table>
          </Stack>
        ) : null}
      </Stack>
    </Box>
  );
}

function Line({ line }: { line: SiteCheckLine }) {
  const i18n = useI18n();
  const { t } = i18n;
  const keys = DETAIL_KEYS[line.detail];
  const params = readableParams(line, i18n);
  return (
    <tr data-check={line.id} data-outcome={line.outcome}>
      <th scope="row" style={cellStyle}>
        {t(CHECK_KEYS[line.id])}
      </th>
      <td style={cellStyle}>
        <Lozenge appearance={OUTCOME_LOOK[line.outcome]}>{t(`siteCheck.outcome.${line.outcome}`)}</Lozenge>
      </td>
      <td style={cellStyle}>
        <Stack space="space.050">
          <Text as="p">{t(keys.detail, params)}</Text>
          {line.outcome === 'fail' && keys.fix !== undefined ? (
            <Text as="p" testId={`site-check-fix-${line.id}`}>
              <Text as="strong" weight="bold">
                {t('siteCheck.fixLabel')}
              </Text>{' '}
              {t(keys.fix)}
            </Text>
          ) : null}
        </Stack>
      </td>
    </tr>
  );
}

const TRIGGER_KEYS: Readonly<Record<SiteCheckTrigger, MessageKey>> = {
  'escalation-sweep': 'siteCheck.trigger.escalation-sweep',
  'analytics-weekly-report': 'siteCheck.trigger.analytics-weekly-report',
  'migration-check': 'siteCheck.trigger.migration-check',
};

const REFUSAL_KEYS: Readonly<Record<JiraRefusal, MessageKey>> = {
  permission: 'siteCheck.refusal.permission',
  notFound: 'siteCheck.refusal.notFound',
  busy: 'siteCheck.refusal.busy',
  unavailable: 'siteCheck.refusal.unavailable',
  other: 'siteCheck.refusal.other',
};

const PERMISSION_KEYS: Readonly<Record<SiteCheckPermission, MessageKey>> = {
  BROWSE_PROJECTS: 'siteCheck.permission.BROWSE_PROJECTS',
  ADD_COMMENTS: 'siteCheck.permission.ADD_COMMENTS',
};

/**
 * The line's params as the reader should see them: rules by the names Jira's workflow editor shows,
 * scheduled jobs, fields and permissions by name, times in the reader's zone, the person tried and Jira's
 * refusal in words. The server's params keep module keys, ISO times and Jira's codes for logs; none of
 * those reaches the page.
 */
function readableParams(line: SiteCheckLine, i18n: I18n): Record<string, string> {
  const { t } = i18n;
  const params: Record<string, string> = { ...line.params };
  const subject = line.params['subject'];
  if (subject !== undefined) params['subject'] = SUBJECT_KEYS[subject] === undefined ? '—' : t(SUBJECT_KEYS[subject]);
  // A rule's verdict: Jira answers true (the person may) or false; anything else is shown as Jira gave it.
  for (const key of ['got', 'expected']) {
    const v = line.params[key];
    if (v === 'true' || v === 'false')
      params[key] = t(v === 'true' ? 'siteCheck.verdict.allow' : 'siteCheck.verdict.refuse');
  }
  const rule = line.params['rule'];
  if (rule !== undefined) params['rule'] = `“${ruleName(t, rule) ?? '—'}”`;
  if (line.rules !== undefined)
    params['rules'] = joinList(
      i18n,
      line.rules.map((r) => t('siteCheck.ruleOn', { name: ruleName(t, r.rule) ?? '—', transition: r.transition })),
    );
  if (line.triggers !== undefined)
    params['triggers'] = joinList(
      i18n,
      line.triggers.map((job) => {
        const name = t(TRIGGER_KEYS[job.name]);
        return job.lastRunAt === null
          ? t('siteCheck.neverRan', { name })
          : t('siteCheck.lastRan', { name, at: i18n.formatDateTime(job.lastRunAt) ?? '—' });
      }),
    );
  if (line.fields !== undefined)
    params['fields'] = joinList(
      i18n,
      line.fields.map((key) => {
        const title = `field.title.${key}`;
        return isMessageKey(title) ? t(title) : '—';
      }),
    );
  if (line.jiraRefusal !== undefined) params['reason'] = t(REFUSAL_KEYS[line.jiraRefusal]);
  if (line.refused !== undefined)
    params['projects'] = line.refused
      .map((r) =>
        t('siteCheck.refusedIn', {
          project: r.project,
          permissions: joinList(
            i18n,
            r.permissions.map((p) => t(PERMISSION_KEYS[p])),
          ),
        }),
      )
      .join('; ');
  return params;
}

const OUTCOME_LOOK: Readonly<Record<SiteCheckOutcome, ThemeAppearance>> = {
  pass: 'success',
  fail: 'removed',
  skip: 'default',
};

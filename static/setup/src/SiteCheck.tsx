import { useEffect, useRef, useState } from 'react';
import { Box, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type {
  SiteCheckDetailCode,
  SiteCheckId,
  SiteCheckLine,
  SiteCheckOutcome,
  SiteCheckReport,
} from '../../../src/contract/siteCheck';
import { call } from '../../shared/api';
import { primaryButtonStyles } from '../../shared/controls';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { sectionStyles } from './sectionStyles';

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
          <Pressable xcss={primaryButtonStyles} isDisabled={busy} onClick={() => void run()} testId="site-check-run">
            {t('siteCheck.run')}
          </Pressable>
        </Box>
        {busy ? (
          <Text as="p" role="status">
            {t('siteCheck.running')}
          </Text>
        ) : null}
        {error !== null ? <ErrorState error={error} titleKey="siteCheck.title" onRetry={() => void run()} /> : null}
        {report !== null && !busy ? (
          <Stack space="space.100">
            {/* eslint-disable-next-line @atlaskit/design-system/use-primitives-text -- focus moves here; Text takes no tabIndex */}
            <p ref={summary} tabIndex={-1} role="status" data-testid="site-check-summary">
              {t('siteCheck.summary', {
                at: formatDateTime(report.checkedAt) ?? report.checkedAt,
                pass: count('pass'),
                fail: count('fail'),
                skip: count('skip'),
              })}
            </p>
            <table data-testid="site-check-table">
              <thead>
                <tr>
                  <th scope="col">{t('siteCheck.col.check')}</th>
                  <th scope="col">{t('siteCheck.col.outcome')}</th>
                  <th scope="col">{t('siteCheck.col.detail')}</th>
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
  const { t } = useI18n();
  const keys = DETAIL_KEYS[line.detail];
  const subject = line.params['subject'];
  const params =
    subject !== undefined && SUBJECT_KEYS[subject] !== undefined
      ? { ...line.params, subject: t(SUBJECT_KEYS[subject]) }
      : line.params;
  return (
    <tr data-check={line.id} data-outcome={line.outcome} style={cellStyle}>
      <th scope="row" style={cellStyle}>
        {t(CHECK_KEYS[line.id])}
      </th>
      <td>
        <Box as="span" xcss={outcomeStyles[line.outcome]}>
          {t(`siteCheck.outcome.${line.outcome}`)}
        </Box>
      </td>
      <td>
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

/** Rows read left to right from the top, like the rest of the page (no lengths or colours here). */
const cellStyle = { textAlign: 'start', verticalAlign: 'top' } as const;
const outcomeBase = { paddingInline: 'space.050', borderRadius: 'radius.small', font: 'font.body.small' } as const;
const outcomeStyles: Readonly<Record<SiteCheckOutcome, ReturnType<typeof xcss>>> = {
  pass: xcss({ ...outcomeBase, backgroundColor: 'color.background.success', color: 'color.text.success' }),
  fail: xcss({ ...outcomeBase, backgroundColor: 'color.background.danger', color: 'color.text.danger' }),
  skip: xcss({ ...outcomeBase, backgroundColor: 'color.background.neutral', color: 'color.text.subtle' }),
};

import type { AuditActionCode, AuditEntry } from '../../../src/contract/audit';
import type { I18n, MessageKey, MessageParams } from '../../shared/i18n';

/** Settings areas an audit entry names (`params.area`), in words. */
const AREAS: Readonly<Record<string, MessageKey>> = {
  supervision: 'audit.area.supervision',
  supportLines: 'audit.area.supportLines',
  clocks: 'audit.area.clocks',
  calendars: 'audit.area.calendars',
  returnVisits: 'audit.area.returnVisits',
};

const CASE_STATUSES: Readonly<Record<string, MessageKey>> = {
  draft: 'cases.status.draft',
  published: 'cases.status.published',
  retired: 'cases.status.retired',
};

/**
 * An audit entry in the reader's words: what was acted on and the details. The stored `target` is an
 * internal name (`gradingTable:2`, a restore or job id, a settings key) kept for support; the page
 * says it from the action and its params instead ("Grading table, version 2", the backup's date in
 * the reader's zone, a case's title). Exhaustive: a new action is a type error until it has words.
 */
export function auditText(
  entry: Pick<AuditEntry, 'action' | 'params'>,
  i18n: Pick<I18n, 't' | 'formatDateTime'>,
): { what: string; details: string } {
  const { t } = i18n;
  const p = entry.params;
  const text = (key: string): string => (typeof p[key] === 'string' ? p[key] : '');
  const when = (key: string): string => i18n.formatDateTime(text(key)) ?? '—';
  const summary = (params: MessageParams = p): string =>
    t(`audit.summary.${entry.action}` as MessageKey, params).trim();
  const byAction: Record<AuditActionCode, () => { what: string; details: string }> = {
    'backup.restore.start': () => ({
      what: t('audit.what.backup', { exportedAt: when('exportedAt') }),
      details: summary(),
    }),
    'backup.restore.complete': () => ({
      what: t('audit.what.backup', { exportedAt: when('exportedAt') }),
      details: [
        summary(),
        p['publishedVersion'] === undefined || p['publishedVersion'] === ''
          ? ''
          : t('audit.summary.backup.restore.published', { version: p['publishedVersion'] }),
      ]
        .filter((s) => s !== '')
        .join(' '),
    }),
    'grading.publish': () => ({
      what: t('audit.what.gradingTable', { version: p['version'] ?? '—' }),
      details: summary(),
    }),
    'grading.restoreVersion': () => ({
      what: t('audit.what.gradingTable', { version: p['version'] ?? '—' }),
      details: summary(),
    }),
    'regrade.start': () => ({ what: t('audit.what.regrade'), details: summary() }),
    'escalation.recalculate': () => ({ what: t('audit.what.recalculate'), details: summary() }),
    'case.save': () => ({
      what: t('audit.what.case', { title: text('title') }),
      details: summary({
        ...p,
        status: CASE_STATUSES[text('status')] === undefined ? '—' : t(CASE_STATUSES[text('status')] as MessageKey),
      }),
    }),
    'case.retire': () => ({ what: t('audit.what.case', { title: text('title') }), details: '' }),
    'closure.fallbackClosers': () => ({ what: t('audit.what.fallbackClosers'), details: summary() }),
    'settings.save': () => ({
      what: AREAS[text('area')] === undefined ? t('audit.what.settings') : t(AREAS[text('area')] as MessageKey),
      details: summary(),
    }),
    'setup.run': () => ({ what: t('audit.what.setup', { projects: text('projects') }), details: summary() }),
    'customer.import': () => ({ what: t('audit.what.customers'), details: summary() }),
    'customer.erase': () => ({
      what: t('audit.what.customer', { customerId: text('customerId') }),
      details: summary(),
    }),
  };
  // An action this page does not know yet (a newer app wrote it): its name only, no internal code.
  return byAction[entry.action]?.() ?? { what: '—', details: '' };
}

/**
 * The grading table admin page (`jira:adminPage` itr-grading-admin). Everyone who can open it sees the
 * table and may preview; Jira administrators may edit and publish (the server checks it again).
 * The draft lives here until it is published: a refused save (conflict, invalid) keeps it.
 */
import { useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CalendarSet, GradingAdminState, GradingTable } from '../../../src/contract/gradingAdmin';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';
import { TabBar } from '../../shared/TabBar';
import type { Edit } from './draft';
import { EditContext } from './fields';
import { CalendarsTab } from './grading/CalendarsTab';
import { DimensionsTab } from './grading/DimensionsTab';
import { HistoryTab } from './grading/HistoryTab';
import { PreviewTab } from './grading/PreviewTab';
import { RuleTab } from './grading/RuleTab';
import { SaveBar } from './grading/SaveBar';
import { SlaTab } from './grading/SlaTab';
import { TransferTab } from './grading/TransferTab';
import { useGradingDraft, type GradingDraft } from './grading/useGradingDraft';
import { Regrade } from './Regrade';

const TABS = ['dimensions', 'rule', 'sla', 'calendars', 'preview', 'history', 'transfer'] as const;
type Tab = (typeof TABS)[number];

export function GradingAdminPage() {
  const { t } = useI18n();
  const draft = useGradingDraft();
  const { state, table, calendars, dirty, issues, actionError, notice, busy, load } = draft;
  const [tab, setTab] = useState<Tab>('dimensions');

  if (draft.loadError !== null)
    return <ErrorState error={draft.loadError} titleKey="gradingAdmin.loadFailed" onRetry={() => void load()} />;
  if (state === null || table === null) {
    return (
      <Box role="status" padding="space.200">
        <Text>{t('gradingAdmin.loading')}</Text>
      </Box>
    );
  }

  const readOnly = !state.canEdit;
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
            comment={draft.comment}
            onComment={draft.setComment}
            onSave={() => void draft.saveTable()}
            onSaveCalendars={() => void draft.saveCalendars()}
            onDiscard={draft.discard}
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
          <TabPanel tab={tab} state={state} table={table} calendars={calendars} draft={draft} />
        </Box>
      </Stack>
    </EditContext.Provider>
  );
}

/** The selected tab's editor, on the draft (the preview asks with the draft while it has unsaved edits). */
function TabPanel({
  tab,
  state,
  table,
  calendars,
  draft,
}: {
  tab: Tab;
  state: GradingAdminState;
  table: GradingTable;
  calendars: CalendarSet;
  draft: GradingDraft;
}) {
  const edit: Edit = draft.editTable;
  switch (tab) {
    case 'dimensions':
      return <DimensionsTab table={table} edit={edit} />;
    case 'rule':
      return <RuleTab table={table} edit={edit} />;
    case 'sla': {
      const allCalendarIds = [...new Set([...state.builtInCalendarIds, ...Object.keys(calendars)])];
      return <SlaTab table={table} calendarIds={allCalendarIds} edit={edit} />;
    }
    case 'calendars':
      return <CalendarsTab builtIn={state.builtInCalendarIds} calendars={calendars} edit={draft.editCalendars} />;
    case 'preview':
      return <PreviewTab table={table} calendars={calendars} useDraft={draft.dirty.table || draft.dirty.calendars} />;
    case 'history':
      return <HistoryTab state={state} busy={draft.busy} onRestore={(version) => void draft.restore(version)} />;
    case 'transfer':
      return <TransferTab busy={draft.busy} onImport={(json) => void draft.importConfig(json)} />;
  }
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

import { Box, Stack } from '@atlaskit/primitives';
import { useState } from 'react';
import type { ForgeContext } from '../../shared/bridge';
import { useI18n } from '../../shared/i18n/react';
import { TabBar } from '../../shared/TabBar';
import { CaseLibraryPage } from '../../case-library/src/CaseLibraryPage';
import { TriagePage } from '../../triage/src/TriagePage';

/**
 * Jira allows one `jira:globalPage` per app, so the app's global page ("ITR") holds its pages as tabs:
 * triage (分类分级) and the case library (案例库). Each tab is the page its own app builds on its own.
 */
const TABS = ['triage', 'caseLibrary'] as const;
type Tab = (typeof TABS)[number];

export function HomePage({ context }: { context: ForgeContext }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('triage');
  return (
    <Stack space="space.200">
      <TabBar<Tab>
        tabs={TABS.map((id) => ({ id, label: t(`home.tab.${id}`) }))}
        selected={tab}
        onSelect={setTab}
        idPrefix="home"
        label={t('home.title')}
      />
      <Box role="tabpanel" id={`home-panel-${tab}`} aria-labelledby={`home-tab-${tab}`}>
        {tab === 'triage' ? <TriagePage context={context} /> : <CaseLibraryPage />}
      </Box>
    </Stack>
  );
}

/**
 * The app's administration (`jira:adminPage` itr-grading-admin; Jira allows one plain admin page per
 * app): the grading table editor and the settings that otherwise could only be changed through the API,
 * as subpages in Jira's sidebar (manifest `pages`, ./routes.ts). A subpage is mounted the first time it
 * is opened and then kept (hidden), so going to another subpage never drops an unsaved draft.
 */
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { Subpages, useSubpage } from '../../shared/subpages';
import { CaseGlossaryPage } from './caseLibrary/CaseGlossaryPage';
import { ClosingSettings } from './closing/ClosingSettings';
import { CustomersPage } from './customers/CustomersPage';
import { GradingAdminPage } from './GradingAdminPage';
import { PauseStatuses } from './PauseStatuses';
import { SupervisionTab } from './SupervisionTab';
import { ADMIN_ROUTES, type AdminRoute } from './routes';
import { SupportLinesTab } from './SupportLinesTab';

/** Each subpage's heading: the title Jira's sidebar shows for it (manifest `pages[].title`). */
const TITLES: Record<AdminRoute, MessageKey> = {
  'grading-table': 'settings.page.gradingTable',
  'support-lines': 'settings.page.supportLines',
  supervision: 'settings.page.supervision',
  closing: 'settings.page.closing',
  customers: 'settings.page.customers',
  'case-library': 'settings.page.caseLibrary',
};

function Panel({ route }: { route: AdminRoute }) {
  switch (route) {
    case 'grading-table':
      // The grading table editor has its own heading and tabs.
      return <GradingAdminPage />;
    case 'support-lines':
      return (
        <Stack space="space.300">
          <SupportLinesTab />
          <PauseStatuses />
        </Stack>
      );
    case 'supervision':
      return <SupervisionTab />;
    case 'closing':
      return <ClosingSettings />;
    case 'customers':
      return <CustomersPage />;
    case 'case-library':
      return <CaseGlossaryPage />;
  }
}

export function AdminSettingsPage() {
  const { t } = useI18n();
  const route = useSubpage(ADMIN_ROUTES, 'grading-table');
  return (
    <Subpages<AdminRoute>
      routes={ADMIN_ROUTES}
      route={route}
      render={(r) =>
        r === 'grading-table' ? (
          <Panel route={r} />
        ) : (
          <Box padding="space.200">
            <Stack space="space.200">
              <Text as="strong" size="large" weight="bold">
                {t(TITLES[r])}
              </Text>
              <Panel route={r} />
            </Stack>
          </Box>
        )
      }
    />
  );
}

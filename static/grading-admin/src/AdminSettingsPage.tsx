/**
 * The app's admin page (`jira:adminPage` itr-grading-admin; Jira allows one plain admin page per app):
 * the grading table editor plus the settings that otherwise could only be changed through the API,
 * as tabs. A tab is mounted the first time it is opened and then kept (hidden), so switching tabs
 * never drops an unsaved draft. Return-visit sampling has its own admin area on the return visits page.
 */
import { useState } from 'react';
import { Stack } from '@atlaskit/primitives';
import { useI18n } from '../../shared/i18n/react';
import { GradingAdminPage } from './GradingAdminPage';
import { SupervisionTab } from './SupervisionTab';
import { SupportLinesTab } from './SupportLinesTab';
import { PauseStatuses } from './PauseStatuses';
import { TabBar } from '../../shared/TabBar';

const TABS = ['gradingTable', 'supportLines', 'supervision'] as const;
type Tab = (typeof TABS)[number];

const PANELS: Record<Tab, () => JSX.Element> = {
  gradingTable: () => <GradingAdminPage />,
  supportLines: () => (
    <Stack space="space.300">
      <SupportLinesTab />
      <PauseStatuses />
    </Stack>
  ),
  supervision: () => <SupervisionTab />,
};

export function AdminSettingsPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('gradingTable');
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(() => new Set<Tab>(['gradingTable']));
  const select = (next: Tab) => {
    setTab(next);
    setOpened((prev) => (prev.has(next) ? prev : new Set([...prev, next])));
  };
  return (
    <Stack space="space.200">
      <TabBar
        idPrefix="settings"
        label={t('settings.tabs')}
        selected={tab}
        onSelect={select}
        tabs={TABS.map((id) => ({ id, label: t(`settings.tab.${id}`) }))}
      />
      {TABS.filter((id) => opened.has(id)).map((id) => (
        <div
          key={id}
          role="tabpanel"
          id={`settings-panel-${id}`}
          aria-labelledby={`settings-tab-${id}`}
          hidden={id !== tab}
        >
          {PANELS[id]()}
        </div>
      ))}
    </Stack>
  );
}

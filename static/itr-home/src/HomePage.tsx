import { Box, Inline, Pressable, Stack, xcss } from '@atlaskit/primitives';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { ForgeContext } from '../../shared/bridge';
import { useI18n } from '../../shared/i18n/react';
import { CaseLibraryPage } from '../../case-library/src/CaseLibraryPage';
import { TriagePage } from '../../triage/src/TriagePage';

/**
 * Jira allows one `jira:globalPage` per app, so the app's global page ("ITR") holds its pages as tabs:
 * triage (分类分级) and the case library (案例库). Each tab is the page its own app builds on its own.
 */
const TABS = ['triage', 'caseLibrary'] as const;
type Tab = (typeof TABS)[number];

const tabStyles = xcss({ paddingBlock: 'space.075', paddingInline: 'space.150', borderRadius: 'radius.small', color: 'color.text.subtle' });
const selectedTabStyles = xcss({
  paddingBlock: 'space.075',
  paddingInline: 'space.150',
  borderRadius: 'radius.small',
  color: 'color.text.selected',
  backgroundColor: 'color.background.selected',
});

export function HomePage({ context }: { context: ForgeContext }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('triage');
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  // ARIA tabs: arrow keys move between tabs, Home/End jump, Tab leaves the list.
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    const target = TABS[next];
    if (target === undefined) return;
    e.preventDefault();
    setTab(target);
    refs.current[next]?.focus();
  };
  return (
    <Stack space="space.200">
      <div role="tablist" aria-label={t('home.title')} onKeyDown={onKey}>
        <Inline space="space.050">
          {TABS.map((name, i) => (
            <Pressable
              key={name}
              ref={(el: HTMLButtonElement | null) => {
                refs.current[i] = el;
              }}
              role="tab"
              id={`home-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`home-panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              xcss={tab === name ? selectedTabStyles : tabStyles}
              onClick={() => setTab(name)}
            >
              {t(`home.tab.${name}`)}
            </Pressable>
          ))}
        </Inline>
      </div>
      <Box role="tabpanel" id={`home-panel-${tab}`} aria-labelledby={`home-tab-${tab}`}>
        {tab === 'triage' ? <TriagePage context={context} /> : <CaseLibraryPage />}
      </Box>
    </Stack>
  );
}

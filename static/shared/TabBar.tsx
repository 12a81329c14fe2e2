/**
 * The design system's tabs (`@atlaskit/tabs`) as a tab bar whose panels the page renders itself:
 * arrow keys move between tabs (and select them), Home/End jump, Tab leaves the list.
 * Each tab is `<idPrefix>-tab-<id>` and controls `<idPrefix>-panel-<id>`: the pages' own tab panels
 * name those ids (`aria-labelledby`), and tests find tabs and panels by them.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import Tabs, { TabList, useTab } from '@atlaskit/tabs';
import { Focusable } from '@atlaskit/primitives/compiled/focusable';
import { Text } from '@atlaskit/primitives';

export function TabBar<T extends string>({
  tabs,
  selected,
  onSelect,
  idPrefix,
  label,
}: {
  tabs: ReadonlyArray<{ id: T; label: string }>;
  selected: T;
  onSelect: (id: T) => void;
  idPrefix: string;
  label: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  const index = Math.max(
    0,
    tabs.findIndex((t) => t.id === selected),
  );
  // Atlaskit's tab list takes no label of its own: name it (the page may hold more than one tab bar).
  useLayoutEffect(() => {
    list.current?.querySelector('[role="tablist"]')?.setAttribute('aria-label', label);
  }, [label]);
  return (
    <div ref={list}>
      <Tabs
        id={idPrefix}
        selected={index}
        onChange={(i) => {
          const tab = tabs[i];
          if (tab !== undefined && tab.id !== selected) onSelect(tab.id);
        }}
      >
        <TabList>
          {tabs.map((tab) => (
            <NamedTab key={tab.id} id={`${idPrefix}-tab-${tab.id}`} controls={`${idPrefix}-panel-${tab.id}`}>
              {tab.label}
            </NamedTab>
          ))}
        </TabList>
      </Tabs>
    </div>
  );
}

/**
 * Atlaskit's Tab with the page's ids instead of index-based ones. Atlaskit's arrow-key handler moves
 * the focus by looking up its own ids, so the newly selected tab takes the focus here when the focus
 * was on a sibling tab (a click already focuses the clicked tab).
 */
function NamedTab({ id, controls, children }: { id: string; controls: string; children: ReactNode }) {
  const {
    onClick,
    onKeyDown,
    role,
    tabIndex,
    'aria-posinset': posinset,
    'aria-setsize': setsize,
    'aria-selected': isSelected,
  } = useTab();
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const focused = document.activeElement;
    if (!isSelected || el === null || focused === el || !(focused instanceof HTMLElement)) return;
    if (focused.getAttribute('role') === 'tab' && focused.parentElement === el.parentElement) el.focus();
  }, [isSelected]);
  return (
    <Focusable
      ref={ref}
      as="div"
      isInset
      id={id}
      role={role}
      tabIndex={tabIndex}
      aria-controls={controls}
      aria-selected={isSelected}
      aria-posinset={posinset}
      aria-setsize={setsize}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      <Text weight="medium" color="inherit">
        {children}
      </Text>
    </Focusable>
  );
}

/**
 * An ARIA tab bar: arrow keys move between tabs (and select them), Home/End jump, Tab leaves the list.
 * Each tab is `<idPrefix>-tab-<id>` and controls `<idPrefix>-panel-<id>`.
 */
import { useRef, type KeyboardEvent } from 'react';
import { Inline, Pressable, xcss } from '@atlaskit/primitives';

const tabStyles = xcss({
  paddingBlock: 'space.075',
  paddingInline: 'space.150',
  borderRadius: 'radius.small',
  color: 'color.text.subtle',
  // Pressable's default grey fill under subtle text fell to 2.3:1 in dark mode; a tab rests on the page.
  backgroundColor: 'color.background.neutral.subtle',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered' },
});
const selectedTabStyles = xcss({
  paddingBlock: 'space.075',
  paddingInline: 'space.150',
  borderRadius: 'radius.small',
  color: 'color.text.selected',
  backgroundColor: 'color.background.selected',
});

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
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === selected);
    const n = tabs.length;
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i + n - 1) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    const target = tabs[next];
    if (target === undefined) return;
    e.preventDefault();
    onSelect(target.id);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} onKeyDown={onKey}>
      <Inline space="space.050" shouldWrap>
        {tabs.map((tab, i) => (
          <Pressable
            key={tab.id}
            ref={(el: HTMLButtonElement | null) => {
              refs.current[i] = el;
            }}
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${idPrefix}-panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            xcss={tab.id === selected ? selectedTabStyles : tabStyles}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </Pressable>
        ))}
      </Inline>
    </div>
  );
}

/**
 * Picks people and/or groups by searching Jira as the caller (`searchPeople`, src/contract/people.ts):
 * users by display name with their avatar, groups by name. No account id is typed or shown.
 *
 * Keyboard (WAI-ARIA combobox with a listbox popup): type to search (debounced), ArrowDown/ArrowUp move
 * through the results, Enter chooses, Escape closes the list (a second Escape clears the text),
 * Backspace in the empty input removes the last chosen entry; each chosen entry is a chip with its own
 * remove button. Single select replaces the one value; multi select adds chips.
 */
import { useId, useRef, useState } from 'react';
import { Stack, Text } from '@atlaskit/primitives';
import type { PeopleKind } from '../../src/contract/people';
import { call } from './api';
import { baseInputStyle } from './controls';
import { useI18n } from './i18n/react';
import { personName, pickedKey, type Picked } from './people';
import { onComboboxKey } from './peoplePicker/comboboxKeys';
import { OptionList } from './peoplePicker/OptionList';
import { PickedChips } from './peoplePicker/PickedChips';
import { SearchStatusLine } from './peoplePicker/SearchStatusLine';
import { usePeopleSearch, type PeopleSearch } from './peoplePicker/usePeopleSearch';

export { QUERY_MAX, SEARCH_DEBOUNCE_MS, type PeopleSearch } from './peoplePicker/usePeopleSearch';

const searchPeople: PeopleSearch = (payload) => call('searchPeople', payload);

export interface PeoplePickerProps {
  /** The accessible name of the input (the page shows its own visible label, or this one with `showLabel`). */
  label: string;
  showLabel?: boolean;
  kinds: readonly PeopleKind[];
  multiple?: boolean;
  value: readonly Picked[];
  onChange: (next: Picked[]) => void;
  /** Only users who may be assigned issues in this project. */
  assignableInProject?: string;
  /** The server's error path for this input (`data-path`), so a refusal shows under it. */
  path?: string;
  invalid?: boolean;
  /** Id of the element describing the field's errors. */
  describedBy?: string | undefined;
  disabled?: boolean;
  testId?: string;
  /** Defaults to the page resolver's `searchPeople`. */
  search?: PeopleSearch;
}

export function PeoplePicker({
  label,
  showLabel = false,
  kinds,
  multiple = false,
  value,
  onChange,
  assignableInProject,
  path,
  invalid = false,
  describedBy,
  disabled = false,
  testId,
  search = searchPeople,
}: PeoplePickerProps) {
  const { t } = useI18n();
  const id = useId();
  const listId = `${id}-list`;
  const statusId = `${id}-status`;
  const inputRef = useRef<HTMLInputElement>(null);
  const { query, setQuery, status, active, setActive } = usePeopleSearch(search, kinds, assignableInProject);
  const [open, setOpen] = useState(false);

  const nameOf = (p: Picked) => (p.kind === 'user' ? personName(t, p.displayName) : p.name);
  const chosen = new Set(value.map(pickedKey));
  const options = status.name === 'done' ? status.options.filter((o) => !chosen.has(pickedKey(o))) : [];
  const expanded = open && status.name !== 'idle';
  const activeIndex = Math.min(active, options.length - 1);

  const choose = (option: Picked) => {
    onChange(multiple ? [...value, option] : [option]);
    setQuery('');
    setOpen(false);
    setActive(-1);
    inputRef.current?.focus();
  };
  const remove = (key: string) => {
    onChange(value.filter((v) => pickedKey(v) !== key));
    inputRef.current?.focus();
  };

  const placeholder = kinds.includes('user')
    ? kinds.includes('group')
      ? t('people.placeholder.any')
      : t('people.placeholder.user')
    : t('people.placeholder.group');
  const activeId = expanded && activeIndex >= 0 ? `${id}-opt-${activeIndex}` : undefined;

  return (
    <Stack space="space.050" {...(testId === undefined ? {} : { testId })}>
      {showLabel ? (
        <label htmlFor={`${id}-input`}>
          <Text weight="medium">{label}</Text>
        </label>
      ) : null}
      {value.length === 0 ? null : (
        <PickedChips value={value} nameOf={nameOf} disabled={disabled} testId={testId} onRemove={remove} />
      )}
      <div style={{ position: 'relative' }}>
        {/* eslint-disable-next-line @atlaskit/design-system/no-readonly-or-disabled-inputs -- read-only admin view */}
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="text"
          role="combobox"
          aria-label={showLabel ? undefined : label}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-invalid={invalid}
          aria-describedby={[statusId, describedBy].filter((x) => x !== undefined).join(' ')}
          data-path={path}
          autoComplete="off"
          disabled={disabled}
          placeholder={placeholder}
          value={query}
          style={{ ...baseInputStyle(invalid), width: '100%', boxSizing: 'border-box' }}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onKeyDown={(e) =>
            onComboboxKey(e, {
              options,
              expanded,
              activeIndex,
              query,
              value,
              setOpen,
              setActive,
              setQuery,
              choose,
              remove,
            })
          }
          onBlur={() => setOpen(false)}
        />
        <OptionList
          id={id}
          listId={listId}
          label={label}
          hidden={!expanded || options.length === 0}
          options={options}
          activeIndex={activeIndex}
          nameOf={nameOf}
          onActive={setActive}
          onChoose={choose}
        />
      </div>
      <SearchStatusLine id={statusId} status={status} shown={options.length} />
    </Stack>
  );
}

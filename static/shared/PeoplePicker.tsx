/**
 * Picks people and/or groups by searching Jira as the caller (`searchPeople`, src/contract/people.ts):
 * the design system's async select (`@atlaskit/select` AsyncSelect) listing users by display name with
 * their avatar, groups by name. No account id is typed or shown. Why not `@atlaskit/user-picker`:
 * docs/decisions/people-picker.md.
 *
 * Keyboard (the select's combobox): type to search (debounced), ArrowDown/ArrowUp move through the
 * results, Enter chooses, Escape closes the list and clears the text, Backspace in the empty input
 * removes the last chosen entry; each chosen entry is a chip with its own remove button. Single select
 * replaces the one value; multi select adds chips. Enter never submits the surrounding form while a
 * name is being typed.
 */
import { createContext, useContext, useId, type KeyboardEvent } from 'react';
import { AsyncSelect, components, type InputProps } from '@atlaskit/select';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { PeopleKind } from '../../src/contract/people';
import { call } from './api';
import { useI18n } from './i18n/react';
import { useSelectLiveMessages } from './selectMessages';
import { personName, pickedKey, type Picked } from './people';
import { PersonAvatar } from './peoplePicker/PersonAvatar';
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

/** A result as the select holds it: its identity, its name, and the person or group behind them. */
interface Choice {
  value: string;
  label: string;
  picked: Picked;
}

// The select renders its own <input>: the field's `data-path` reaches it through this context.
const PathContext = createContext<string | undefined>(undefined);
function PathInput(props: InputProps<Choice, false>) {
  return <components.Input {...props} data-path={useContext(PathContext)} />;
}
const SELECT_COMPONENTS = { Input: PathInput };

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
  const inputId = `${id}-input`;
  const statusId = `${id}-status`;
  const { status, loadOptions, clear } = usePeopleSearch(search, kinds, assignableInProject);
  const liveMessages = useSelectLiveMessages<Choice>();

  const nameOf = (p: Picked) => (p.kind === 'user' ? personName(t, p.displayName) : p.name);
  const choiceOf = (p: Picked): Choice => ({ value: pickedKey(p), label: nameOf(p), picked: p });
  const chosen = new Set(value.map(pickedKey));
  const shown = status.name === 'done' ? status.options.filter((o) => !chosen.has(pickedKey(o))).length : 0;

  const choose = (option: Picked) => onChange(multiple ? [...value, option] : [option]);
  const remove = (key: string) => {
    onChange(value.filter((v) => pickedKey(v) !== key));
    // A chip's remove button goes away with it: the focus goes back to the search box, not the page.
    document.getElementById(inputId)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const input = e.target instanceof HTMLInputElement ? e.target : null;
    if (input === null) return;
    const last = value[value.length - 1];
    if (e.key === 'Backspace' && input.value === '' && last !== undefined) {
      e.preventDefault();
      remove(pickedKey(last));
    } else if (e.key === 'Enter' && input.value.trim() !== '' && input.getAttribute('aria-activedescendant') === null) {
      // Nothing highlighted to choose yet (still searching, or no match): Enter must not submit the form.
      e.preventDefault();
    }
  };

  const placeholder = kinds.includes('user')
    ? kinds.includes('group')
      ? t('people.placeholder.any')
      : t('people.placeholder.user')
    : t('people.placeholder.group');

  return (
    <Stack space="space.050" {...(testId === undefined ? {} : { testId })}>
      {showLabel ? (
        <label htmlFor={inputId}>
          <Text weight="medium">{label}</Text>
        </label>
      ) : null}
      {value.length === 0 ? null : (
        <PickedChips value={value} nameOf={nameOf} disabled={disabled} testId={testId} onRemove={remove} />
      )}
      <PathContext.Provider value={path}>
        <AsyncSelect<Choice, false>
          inputId={inputId}
          {...(showLabel ? {} : { 'aria-label': label })}
          aria-describedby={[statusId, describedBy].filter((x) => x !== undefined).join(' ')}
          components={SELECT_COMPONENTS}
          ariaLiveMessages={liveMessages}
          loadOptions={(text: string) => loadOptions(text).then((found) => found.map(choiceOf))}
          // Chosen entries show as chips above, never in the box: the select itself holds no value.
          value={null}
          filterOption={(o) => !chosen.has(o.value)}
          formatOptionLabel={(o) => <ChoiceLabel picked={o.picked} name={o.label} />}
          // The status line under the field says searching / nobody matches / failed: no duplicate in the menu.
          loadingMessage={() => null}
          noOptionsMessage={() => null}
          placeholder={placeholder}
          isDisabled={disabled}
          isInvalid={invalid}
          isClearable={false}
          openMenuOnClick={false}
          onInputChange={(text, meta) => {
            if (text.trim() === '' && meta.action === 'input-change') clear();
            if (meta.action === 'menu-close' || meta.action === 'input-blur' || meta.action === 'set-value') clear();
          }}
          onChange={(choice) => {
            if (choice !== null) choose(choice.picked);
          }}
          onKeyDown={onKeyDown}
          {...(testId === undefined ? {} : { testId: `${testId}-select` })}
        />
      </PathContext.Provider>
      <SearchStatusLine id={statusId} status={status} shown={shown} />
    </Stack>
  );
}

/** A result in the list: avatar (when the page may load it) and name; a group says it is one. */
function ChoiceLabel({ picked, name }: { picked: Picked; name: string }) {
  const { t } = useI18n();
  return (
    <Inline space="space.100" alignBlock="center">
      {picked.kind === 'user' ? <PersonAvatar url={picked.avatarUrl} /> : null}
      <span>{name}</span>
      {picked.kind === 'group' ? (
        <Text size="small" color="color.text.subtle">
          {t('people.group')}
        </Text>
      ) : null}
    </Inline>
  );
}

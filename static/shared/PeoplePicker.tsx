/**
 * Picks people and/or groups by searching Jira as the caller (`searchPeople`, src/contract/people.ts):
 * users by display name with their avatar, groups by name. No account id is typed or shown.
 *
 * Keyboard (WAI-ARIA combobox with a listbox popup): type to search (debounced), ArrowDown/ArrowUp move
 * through the results, Enter chooses, Escape closes the list (a second Escape clears the text),
 * Backspace in the empty input removes the last chosen entry; each chosen entry is a chip with its own
 * remove button. Single select replaces the one value; multi select adds chips.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { PeopleKind, PeopleSearchPayload, PeopleSearchResult } from '../../src/contract/people';
import { call } from './api';
import { baseInputStyle } from './controls';
import { useI18n } from './i18n/react';
import { fromGroupOption, fromPersonOption, personName, pickedKey, type Picked } from './people';

/** Quiet time after the last key before Jira is asked; 250 ms keeps typing smooth without a request per key. */
export const SEARCH_DEBOUNCE_MS = 250;
/** The contract's longest query. */
export const QUERY_MAX = 100;

export type PeopleSearch = (payload: PeopleSearchPayload) => Promise<PeopleSearchResult>;

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

type Status =
  | { name: 'idle' }
  | { name: 'searching' }
  | { name: 'done'; options: Picked[]; query: string }
  | { name: 'failed' }
  | { name: 'tooLong' };

const chipStyles = xcss({
  backgroundColor: 'color.background.neutral',
  borderRadius: 'radius.small',
  paddingInlineStart: 'space.075',
  paddingBlock: 'space.025',
});
const removeStyles = xcss({
  backgroundColor: 'color.background.neutral.subtle',
  color: 'color.text.subtle',
  borderRadius: 'radius.small',
  paddingInline: 'space.075',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered', color: 'color.text' },
});
const popupStyles: React.CSSProperties = {
  listStyle: 'none',
  margin: 0,
  padding: token('space.050'),
  position: 'absolute',
  insetInlineStart: 0,
  insetBlockStart: '100%',
  zIndex: 400,
  minWidth: '100%',
  maxHeight: '16em',
  overflowY: 'auto',
  backgroundColor: token('elevation.surface.overlay'),
  boxShadow: token('elevation.shadow.overlay'),
  borderRadius: token('radius.medium'),
};
const optionStyle = (active: boolean): React.CSSProperties => ({
  display: 'flex',
  alignItems: 'center',
  gap: token('space.100'),
  paddingBlock: token('space.050'),
  paddingInline: token('space.100'),
  borderRadius: token('radius.small'),
  cursor: 'pointer',
  color: active ? token('color.text.selected') : token('color.text'),
  backgroundColor: active ? token('color.background.selected') : 'transparent',
});
const avatarStyle: React.CSSProperties = {
  width: token('space.300'),
  height: token('space.300'),
  borderRadius: token('radius.full'),
  flexShrink: 0,
};
const chipAvatarStyle: React.CSSProperties = { ...avatarStyle, width: token('space.200'), height: token('space.200') };

/** A user's avatar (hidden when the image does not load: the name says who it is). */
function Avatar({ url, small = false }: { url: string | null; small?: boolean }) {
  const [failed, setFailed] = useState(false);
  if (url === null || failed) return null;
  return <img src={url} alt="" style={small ? chipAvatarStyle : avatarStyle} onError={() => setFailed(true)} />;
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
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<Status>({ name: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // Only the newest request's answer is shown: a slow earlier answer must not replace a newer one.
  const latest = useRef(0);
  const kindsKey = kinds.join(',');

  const nameOf = (p: Picked) => (p.kind === 'user' ? personName(t, p.displayName) : p.name);

  useEffect(() => {
    const q = query.trim();
    const ticket = ++latest.current;
    if (q === '') {
      setStatus({ name: 'idle' });
      return undefined;
    }
    if (q.length > QUERY_MAX) {
      setStatus({ name: 'tooLong' });
      return undefined;
    }
    setStatus({ name: 'searching' });
    const timer = setTimeout(() => {
      const payload: PeopleSearchPayload = { query: q, kinds: kindsKey.split(',') as PeopleKind[] };
      if (assignableInProject !== undefined) payload.assignableInProject = assignableInProject;
      search(payload).then(
        (r) => {
          if (ticket !== latest.current) return;
          const options: Picked[] = [...r.users.map(fromPersonOption), ...r.groups.map(fromGroupOption)];
          setStatus({ name: 'done', options, query: q });
          setActive(options.length > 0 ? 0 : -1);
        },
        () => {
          if (ticket === latest.current) setStatus({ name: 'failed' });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, kindsKey, assignableInProject, search]);

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

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setOpen(true);
        if (options.length > 0) setActive((i) => (Math.min(i, options.length - 1) + 1) % options.length);
        break;
      case 'ArrowUp':
        e.preventDefault();
        setOpen(true);
        if (options.length > 0) setActive((i) => (i <= 0 ? options.length - 1 : Math.min(i, options.length) - 1));
        break;
      case 'Enter': {
        // Never submits the surrounding form while the list is in use.
        const option = expanded ? options[activeIndex] : undefined;
        if (expanded || query.trim() !== '') e.preventDefault();
        if (option !== undefined) choose(option);
        break;
      }
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          setOpen(false);
        } else if (query !== '') {
          e.preventDefault();
          setQuery('');
        }
        break;
      case 'Backspace': {
        const last = value[value.length - 1];
        if (query === '' && last !== undefined) {
          e.preventDefault();
          remove(pickedKey(last));
        }
        break;
      }
      default:
        break;
    }
  };

  const placeholder = kinds.includes('user')
    ? kinds.includes('group')
      ? t('people.placeholder.any')
      : t('people.placeholder.user')
    : t('people.placeholder.group');
  const statusText =
    status.name === 'searching'
      ? t('people.searching')
      : status.name === 'failed'
        ? t('people.searchFailed')
        : status.name === 'tooLong'
          ? t('people.tooLong', { max: QUERY_MAX })
          : status.name === 'done'
            ? options.length === 0
              ? status.options.length > 0
                ? t('people.allChosen')
                : t('people.noMatches', { query: status.query })
              : t('people.results', { count: options.length })
            : '';
  const activeId = expanded && activeIndex >= 0 ? `${id}-opt-${activeIndex}` : undefined;

  return (
    <Stack space="space.050" {...(testId === undefined ? {} : { testId })}>
      {showLabel ? (
        <label htmlFor={`${id}-input`}>
          <Text weight="medium">{label}</Text>
        </label>
      ) : null}
      {value.length === 0 ? null : (
        <ul
          aria-label={t('people.chosen', { names: value.map(nameOf).join(', ') })}
          style={{
            listStyle: 'none',
            margin: 0,
            padding: 0,
            display: 'flex',
            flexWrap: 'wrap',
            gap: token('space.050'),
          }}
          data-testid={testId === undefined ? undefined : `${testId}-chips`}
        >
          {value.map((v) => {
            const name = nameOf(v);
            return (
              <li key={pickedKey(v)}>
                <Box xcss={chipStyles}>
                  <Inline space="space.050" alignBlock="center">
                    {v.kind === 'user' ? <Avatar url={v.avatarUrl} small /> : null}
                    <Text size="small">{v.kind === 'group' ? t('people.groupNamed', { name }) : name}</Text>
                    <Pressable
                      xcss={removeStyles}
                      isDisabled={disabled}
                      aria-label={t('people.remove', { name })}
                      onClick={() => remove(pickedKey(v))}
                    >
                      ×
                    </Pressable>
                  </Inline>
                </Box>
              </li>
            );
          })}
        </ul>
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
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          hidden={!expanded || options.length === 0}
          style={popupStyles}
        >
          {options.map((o, i) => (
            <li
              key={pickedKey(o)}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === activeIndex}
              style={optionStyle(i === activeIndex)}
              // Keep the focus in the input: a click chooses without blurring it first.
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(o)}
            >
              {o.kind === 'user' ? <Avatar url={o.avatarUrl} /> : null}
              <span>{nameOf(o)}</span>
              {o.kind === 'group' ? (
                <Text size="small" color="color.text.subtle">
                  {t('people.group')}
                </Text>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <span id={statusId} role="status" aria-live="polite">
        {statusText === '' ? null : (
          <Text
            size="small"
            color={status.name === 'failed' || status.name === 'tooLong' ? 'color.text.danger' : 'color.text.subtle'}
          >
            {statusText}
          </Text>
        )}
      </span>
    </Stack>
  );
}

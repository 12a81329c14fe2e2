import type { CSSProperties } from 'react';
import { Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useI18n } from '../i18n/react';
import { pickedKey, type Picked } from '../people';
import { PersonAvatar } from './PersonAvatar';

/** The combobox's popup listbox: the results not chosen yet, the active one highlighted. */
export function OptionList({
  id,
  listId,
  label,
  hidden,
  options,
  activeIndex,
  nameOf,
  onActive,
  onChoose,
}: {
  /** The picker's id: option ids are `${id}-opt-${i}` (the input's aria-activedescendant). */
  id: string;
  listId: string;
  label: string;
  hidden: boolean;
  options: Picked[];
  activeIndex: number;
  nameOf: (p: Picked) => string;
  onActive: (i: number) => void;
  onChoose: (option: Picked) => void;
}) {
  const { t } = useI18n();
  return (
    <ul id={listId} role="listbox" aria-label={label} hidden={hidden} style={popupStyles}>
      {options.map((o, i) => (
        <li
          key={pickedKey(o)}
          id={`${id}-opt-${i}`}
          role="option"
          aria-selected={i === activeIndex}
          style={optionStyle(i === activeIndex)}
          // Keep the focus in the input: a click chooses without blurring it first.
          onMouseDown={(e) => e.preventDefault()}
          onMouseEnter={() => onActive(i)}
          onClick={() => onChoose(o)}
        >
          {o.kind === 'user' ? <PersonAvatar url={o.avatarUrl} /> : null}
          <span>{nameOf(o)}</span>
          {o.kind === 'group' ? (
            <Text size="small" color="color.text.subtle">
              {t('people.group')}
            </Text>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

const popupStyles: CSSProperties = {
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
const optionStyle = (active: boolean): CSSProperties => ({
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

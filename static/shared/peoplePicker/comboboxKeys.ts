import type { Dispatch, KeyboardEvent, SetStateAction } from 'react';
import { pickedKey, type Picked } from '../people';

/** What the keys act on: the results shown, the list's state, the text and the chosen entries. */
export interface ComboboxState {
  options: Picked[];
  expanded: boolean;
  activeIndex: number;
  query: string;
  value: readonly Picked[];
  setOpen: (open: boolean) => void;
  setActive: Dispatch<SetStateAction<number>>;
  setQuery: (query: string) => void;
  choose: (option: Picked) => void;
  remove: (key: string) => void;
}

/**
 * The WAI-ARIA combobox keys: ArrowDown/ArrowUp move through the results (wrapping), Enter chooses,
 * Escape closes the list then clears the text, Backspace in the empty input removes the last entry.
 */
export function onComboboxKey(e: KeyboardEvent<HTMLInputElement>, s: ComboboxState): void {
  const { options } = s;
  switch (e.key) {
    case 'ArrowDown':
      e.preventDefault();
      s.setOpen(true);
      if (options.length > 0) s.setActive((i) => (Math.min(i, options.length - 1) + 1) % options.length);
      break;
    case 'ArrowUp':
      e.preventDefault();
      s.setOpen(true);
      if (options.length > 0) s.setActive((i) => (i <= 0 ? options.length - 1 : Math.min(i, options.length) - 1));
      break;
    case 'Enter': {
      // Never submits the surrounding form while the list is in use.
      const option = s.expanded ? options[s.activeIndex] : undefined;
      if (s.expanded || s.query.trim() !== '') e.preventDefault();
      if (option !== undefined) s.choose(option);
      break;
    }
    case 'Escape':
      if (s.expanded) {
        e.preventDefault();
        s.setOpen(false);
      } else if (s.query !== '') {
        e.preventDefault();
        s.setQuery('');
      }
      break;
    case 'Backspace': {
      const last = s.value[s.value.length - 1];
      if (s.query === '' && last !== undefined) {
        e.preventDefault();
        s.remove(pickedKey(last));
      }
      break;
    }
    default:
      break;
  }
}

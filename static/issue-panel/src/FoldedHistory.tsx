import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import { toApiError, type ApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { toggleStyles } from './Fold';

type Load<T> =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'error'; error: ApiError }
  | { phase: 'ready'; entries: readonly T[] };

export interface FoldedHistoryProps<T> {
  issueKey: string;
  testId: string;
  keys: {
    title: MessageKey;
    show: MessageKey;
    hide: MessageKey;
    loading: MessageKey;
    loadFailed: MessageKey;
    empty: MessageKey;
  };
  /** Reads the entries (one resolver call). */
  fetch: () => Promise<readonly T[]>;
  /** Open and loaded at once; otherwise folded and loaded on first unfold, so the panel's first paint costs no call. */
  initiallyOpen: boolean;
  /** The entries as list items (the `ol` around them is here). */
  children: (entries: readonly T[]) => ReactNode;
}

/**
 * A history section of the panel: a disclosure button (Enter/Space, `aria-expanded`) over an ordered list,
 * so screen readers announce "item 2 of 3"; loading, error with retry, and empty states in the user's language.
 */
export function FoldedHistory<T>({ issueKey, testId, keys, fetch, initiallyOpen, children }: FoldedHistoryProps<T>) {
  const { t } = useI18n();
  const [load, setLoad] = useState<Load<T>>({ phase: 'idle' });
  const [open, setOpen] = useState(initiallyOpen);
  const request = useRef(0);
  const listId = useId();

  const fetchEntries = useCallback(async () => {
    const id = ++request.current;
    setLoad({ phase: 'loading' });
    try {
      const entries = await fetch();
      if (id === request.current) setLoad({ phase: 'ready', entries });
    } catch (error) {
      if (id === request.current) setLoad({ phase: 'error', error: toApiError(error) });
    }
  }, [fetch]);

  useEffect(() => {
    if (initiallyOpen) void fetchEntries();
  }, [initiallyOpen, fetchEntries]);

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && (load.phase === 'idle' || load.phase === 'error')) void fetchEntries();
  };

  return (
    <Box as="section" aria-label={t(keys.title)} testId={testId}>
      <Stack space="space.100">
        <Pressable
          xcss={toggleStyles}
          aria-expanded={open}
          aria-controls={listId}
          aria-label={t(open ? keys.hide : keys.show)}
          onClick={toggle}
        >
          <Inline space="space.050" alignBlock="center">
            <Text weight="semibold" color="color.text">
              {t(keys.title)}
            </Text>
            <Text color="color.text.subtlest" size="small">
              {open ? '▾' : '▸'}
            </Text>
          </Inline>
        </Pressable>
        {open ? (
          <Box id={listId}>
            {load.phase === 'loading' || load.phase === 'idle' ? (
              <Box role="status" aria-live="polite">
                <Text color="color.text.subtlest">{t(keys.loading)}</Text>
              </Box>
            ) : null}
            {load.phase === 'error' ? (
              <ErrorState
                error={load.error}
                titleKey={keys.loadFailed}
                params={{ issueKey }}
                onRetry={() => void fetchEntries()}
              />
            ) : null}
            {load.phase === 'ready' && load.entries.length === 0 ? (
              <Text color="color.text.subtlest">{t(keys.empty)}</Text>
            ) : null}
            {load.phase === 'ready' && load.entries.length > 0 ? (
              <Box as="ol" xcss={listStyles}>
                {children(load.entries)}
              </Box>
            ) : null}
          </Box>
        ) : null}
      </Stack>
    </Box>
  );
}

const listStyles = xcss({
  margin: 'space.0',
  paddingInlineStart: 'space.0',
  listStyle: 'none',
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.100',
});

/** A list item with the history's left rule. */
export const historyItemStyles = xcss({
  borderInlineStartWidth: 'border.width.selected',
  borderInlineStartStyle: 'solid',
  borderInlineStartColor: 'color.border',
  paddingInlineStart: 'space.150',
});

import { Text } from '@atlaskit/primitives';
import { useI18n } from '../i18n/react';
import { QUERY_MAX, type SearchStatus } from './usePeopleSearch';

/** The live status under the input (the input's description): searching, failed, too long, no matches, all chosen, or how many. */
export function SearchStatusLine({ id, status, shown }: { id: string; status: SearchStatus; shown: number }) {
  const { t } = useI18n();
  const text = statusTextOf(t, status, shown);
  return (
    // data-status: tests wait for a search to settle without reading the (translated) text.
    <span id={id} role="status" aria-live="polite" data-status={status.name}>
      {text === '' ? null : (
        <Text
          size="small"
          color={status.name === 'failed' || status.name === 'tooLong' ? 'color.text.danger' : 'color.text.subtle'}
        >
          {text}
        </Text>
      )}
    </span>
  );
}

function statusTextOf(t: ReturnType<typeof useI18n>['t'], status: SearchStatus, shown: number): string {
  switch (status.name) {
    case 'idle':
      return '';
    case 'searching':
      return t('people.searching');
    case 'failed':
      return t('people.searchFailed');
    case 'tooLong':
      return t('people.tooLong', { max: QUERY_MAX });
    case 'done':
      if (shown > 0) return t('people.results', { count: shown });
      return status.options.length > 0 ? t('people.allChosen') : t('people.noMatches', { query: status.query });
  }
}

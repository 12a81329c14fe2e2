/**
 * Lasting fixes on the supervision page (issue 17): how many problems have a long-term measure or a
 * return-visit follow-up not done yet, and how many of those are overdue, per department of the fix's
 * assignee. A per-department figure: shown to who may see per-person figures; nothing for anyone else.
 */
import { useEffect, useState } from 'react';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { LastingFixCounts } from '../../../src/contract/lastingFix';
import { call } from '../../shared/api';
import { toApiError } from '../../shared/errors';
import { useI18n } from '../../shared/i18n/react';
import { cellStyle, headStyle, tableStyle } from '../../shared/tableStyles';
import { cardStyle } from './supervisionStyles';

type Loaded =
  | { status: 'loading' }
  | { status: 'hidden' }
  | { status: 'error' }
  | { status: 'ready'; counts: LastingFixCounts };

export function LastingFixCard() {
  const { t } = useI18n();
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    call('getLastingFixCounts', {})
      .then((counts) => live && setState({ status: 'ready', counts }))
      .catch(
        (e: unknown) => live && setState({ status: toApiError(e).code === 'NOT_AUTHORIZED' ? 'hidden' : 'error' }),
      );
    return () => {
      live = false;
    };
  }, []);
  if (state.status === 'hidden') return null;
  const title = t('lastingFix.counts.title');
  return (
    <Box xcss={cardStyle} testId="lasting-fix-counts" aria-busy={state.status === 'loading'}>
      <Stack space="space.100">
        <Text as="strong">{title}</Text>
        {state.status === 'loading' ? (
          <Text color="color.text.subtlest">{t('lastingFix.loading')}</Text>
        ) : state.status === 'error' ? (
          <Text color="color.text.subtle">{t('sup.error.slot')}</Text>
        ) : state.counts.open === 0 ? (
          <Text testId="lasting-fix-counts-none">{t('lastingFix.counts.none')}</Text>
        ) : (
          <table style={tableStyle} aria-label={title}>
            <thead>
              <tr>
                <th style={headStyle} scope="col">
                  {t('lastingFix.counts.department')}
                </th>
                <th style={headStyle} scope="col">
                  {t('lastingFix.counts.open')}
                </th>
                <th style={headStyle} scope="col">
                  {t('lastingFix.counts.overdue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {state.counts.departments.map((d) => (
                <tr key={d.department ?? ''} data-testid="lasting-fix-counts-row">
                  <th style={cellStyle} scope="row">
                    {d.department ?? t('lastingFix.counts.noDepartment')}
                  </th>
                  <td style={cellStyle}>{d.open}</td>
                  <td style={cellStyle}>{d.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Stack>
    </Box>
  );
}

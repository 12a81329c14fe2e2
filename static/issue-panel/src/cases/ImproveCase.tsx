import { useEffect, useRef, useState } from 'react';
import { Box, Inline, Pressable, Stack } from '@atlaskit/primitives';
import type { CaseRecord } from '../../../../src/contract/cases';
import { type ApiError, call } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n/react';
import { inputStyle, smallButtonStyles } from './caseStyles';

/** Root cause and measures of the case that helped, edited in place (a new version of the case). */
export function ImproveCase({
  record,
  onDone,
  onError,
}: {
  record: CaseRecord;
  onDone: (message: string) => void;
  onError: (e: ApiError) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState({
    rootCause: record.rootCause,
    shortTermMeasure: record.shortTermMeasure,
    longTermMeasure: record.longTermMeasure,
  });
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);
  const save = async () => {
    try {
      // The case as stored now (another agent may have changed it), with only these three fields replaced.
      const { case: current } = await call('getCase', { id: record.id });
      const {
        id: _id,
        revision,
        authorAccountId: _a,
        sourceIssues,
        usedOnIssues: _u,
        helpfulCount: _h,
        notRelevantCount: _n,
        usageCount: _c,
        createdAt: _cr,
        updatedAt: _up,
        ...content
      } = current;
      const saved = await call('saveCase', {
        id: current.id,
        expectedRevision: revision,
        content: { ...content, ...draft },
        sourceIssues,
      });
      onDone(t('cases.suggest.improved', { revision: saved.revision }));
    } catch (e) {
      onError(toApiError(e));
    }
  };
  const keys = ['rootCause', 'shortTermMeasure', 'longTermMeasure'] as const;
  return (
    <Box
      as="form"
      testId="case-improve"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack space="space.075">
        {keys.map((k, i) => (
          <textarea
            key={k}
            ref={i === 0 ? first : undefined}
            aria-label={t(`cases.field.${k}`)}
            placeholder={t(`cases.field.${k}`)}
            rows={2}
            value={draft[k]}
            style={inputStyle}
            onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))}
          />
        ))}
        <Inline>
          <Pressable xcss={smallButtonStyles} onClick={() => void save()}>
            {t('cases.save')}
          </Pressable>
        </Inline>
      </Stack>
    </Box>
  );
}

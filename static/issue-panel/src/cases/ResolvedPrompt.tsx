import { useState } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CaseRecord } from '../../../../src/contract/cases';
import type { ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n/react';
import { smallButtonStyles } from './caseStyles';
import { ImproveCase } from './ImproveCase';

/** Once the issue is resolved: add a case from it, or improve the case that helped. */
export function ResolvedPrompt({
  helpedCase,
  onAddCase,
  onImproved,
  onError,
}: {
  helpedCase: CaseRecord | undefined;
  onAddCase: () => void;
  onImproved: (message: string) => void;
  onError: (e: ApiError) => void;
}) {
  const { t } = useI18n();
  const [improving, setImproving] = useState<CaseRecord | null>(null);
  return (
    <Box testId="case-resolved-prompt" xcss={promptStyles}>
      <Stack space="space.100">
        <Text>{t('cases.suggest.resolvedPrompt')}</Text>
        <Inline space="space.100" shouldWrap>
          <Pressable xcss={smallButtonStyles} onClick={onAddCase}>
            {t('cases.suggest.addCase')}
          </Pressable>
          {helpedCase !== undefined ? (
            <Pressable xcss={smallButtonStyles} onClick={() => setImproving(helpedCase)}>
              {t('cases.suggest.improveCase', { title: helpedCase.title })}
            </Pressable>
          ) : null}
        </Inline>
        {improving !== null ? (
          <ImproveCase
            record={improving}
            onDone={(message) => {
              setImproving(null);
              onImproved(message);
            }}
            onError={onError}
          />
        ) : null}
      </Stack>
    </Box>
  );
}

const promptStyles = xcss({
  padding: 'space.100',
  borderRadius: 'radius.small',
  backgroundColor: 'color.background.discovery',
});

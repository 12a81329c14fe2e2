import { useEffect, useRef, type RefObject } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import { dangerButtonStyles } from '../../shared/controls';
import { useI18n } from '../../shared/i18n/react';
import { Button } from './ui';

/**
 * "Retire this case?" before anything is retired: the answer button takes the focus; cancelling gives it
 * back to the Retire button that opened the question.
 */
export function RetireConfirm({
  retireButton,
  onRetire,
  onCancel,
}: {
  retireButton: RefObject<HTMLButtonElement>;
  onRetire: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirmButton.current?.focus();
  }, []);
  return (
    <Box role="alertdialog" aria-label={t('cases.retire')} xcss={confirmStyles}>
      <Stack space="space.100">
        <Text>{t('cases.retireConfirm')}</Text>
        <Inline space="space.100">
          <Pressable ref={confirmButton} xcss={dangerButtonStyles} onClick={onRetire}>
            {t('cases.retireYes')}
          </Pressable>
          <Button
            onClick={() => {
              onCancel();
              retireButton.current?.focus();
            }}
          >
            {t('cases.cancel')}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}

const confirmStyles = xcss({
  backgroundColor: 'color.background.warning',
  padding: 'space.150',
  borderRadius: 'radius.small',
});

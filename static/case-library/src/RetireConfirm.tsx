import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { Button } from '../../shared/Button';
import { useI18n } from '../../shared/i18n/react';

/**
 * "Retire this case?" before anything is retired, asked in place under the Retire button (an inline
 * alert dialog, not a modal: Atlaskit's modal costs ~20 KiB gzip, which the global page's budget cannot
 * carry, docs/decisions/atlaskit-bundle.md). The answer button takes the focus; Cancel or Escape keep the
 * case, and the focus goes back to the Retire button that opened the question.
 */
export function RetireConfirm({
  isOpen,
  title,
  onRetire,
  onCancel,
}: {
  isOpen: boolean;
  /** The case's title, named in the question. */
  title: string;
  onRetire: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (isOpen) confirmButton.current?.focus();
  }, [isOpen]);
  if (!isOpen) return null;
  return (
    <div
      role="alertdialog"
      aria-labelledby="retire-confirm-title"
      aria-describedby="retire-confirm-body"
      data-testid="retire-confirm"
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <Box xcss={boxStyles}>
        <Stack space="space.150">
          <Text as="strong" id="retire-confirm-title" color="color.text.danger">
            {t('cases.retireTitle', { title })}
          </Text>
          <Text id="retire-confirm-body">{t('cases.retireConfirm')}</Text>
          <Inline space="space.100">
            <Button ref={confirmButton} appearance="danger" onClick={onRetire}>
              {t('cases.retireYes')}
            </Button>
            <Button appearance="subtle" onClick={onCancel}>
              {t('cases.cancel')}
            </Button>
          </Inline>
        </Stack>
      </Box>
    </div>
  );
}

const boxStyles = xcss({
  borderColor: 'color.border.danger',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  backgroundColor: 'color.background.danger',
  padding: 'space.200',
});

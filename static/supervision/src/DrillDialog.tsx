import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import { openInJira } from '../../shared/bridge';
import { useI18n } from '../../shared/i18n/react';
import { buttonStyle } from './supervisionStyles';

/** A drill-down: the JQL of the issues behind a number, to copy or to open in Jira's search. */
export function DrillDialog({ jql, label, onClose }: { jql: string; label: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Box xcss={dialogStyle} testId="drill-dialog" role="dialog" aria-label={t('sup.drill.title')}>
      <Stack space="space.100">
        <Text as="strong">
          {t('sup.drill.title')}: {label}
        </Text>
        <textarea
          readOnly
          aria-label={t('sup.drill.jql')}
          data-testid="drill-jql"
          value={jql}
          rows={3}
          style={{ width: '100%' }}
        />
        <Inline space="space.100">
          <Pressable
            xcss={buttonStyle}
            testId="drill-open"
            onClick={
              () =>
                void openInJira(`/issues/?jql=${encodeURIComponent(jql)}`).catch(
                  () => undefined,
                ) /* the JQL stays shown to copy */
            }
          >
            {t('sup.drill.open')}
          </Pressable>
          <Pressable xcss={buttonStyle} testId="drill-close" onClick={onClose}>
            {t('sup.drill.close')}
          </Pressable>
        </Inline>
      </Stack>
    </Box>
  );
}

const dialogStyle = xcss({
  backgroundColor: 'color.background.neutral.subtle',
  borderColor: 'color.border.bold',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.small',
  padding: 'space.200',
});

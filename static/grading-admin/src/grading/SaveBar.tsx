import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { useI18n } from '../../../shared/i18n/react';
import { Button, TextField } from '../fields';
import { cardStyles } from './cardStyles';

/** The editor's save bar: a comment for the version, save table / calendars, discard, and the draft's state. */
export function SaveBar(props: {
  dirty: boolean;
  calendarsDirty: boolean;
  busy: boolean;
  comment: string;
  issueCount: number;
  onComment: (v: string) => void;
  onSave: () => void;
  onSaveCalendars: () => void;
  onDiscard: () => void;
}) {
  const { t } = useI18n();
  return (
    <Box xcss={cardStyles}>
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="end" shouldWrap>
          <Box xcss={xcss({ flexGrow: 1 })}>
            <TextField
              path="comment"
              label={t('gradingAdmin.comment')}
              visibleLabel={t('gradingAdmin.comment')}
              value={props.comment}
              onChange={(v) => props.onComment(String(v))}
            />
          </Box>
          {/* Disabled buttons look disabled (Atlaskit's disabled colours): nothing to publish, or problems first. */}
          <Button
            primary
            disabled={props.busy || !props.dirty || props.issueCount > 0}
            onClick={props.onSave}
            testId="grading-publish"
          >
            {t('gradingAdmin.save')}
          </Button>
          <Button
            disabled={props.busy || !props.calendarsDirty || props.issueCount > 0}
            onClick={props.onSaveCalendars}
            testId="grading-save-calendars"
          >
            {t('gradingAdmin.saveCalendars')}
          </Button>
          <Button
            disabled={props.busy || (!props.dirty && !props.calendarsDirty)}
            onClick={props.onDiscard}
            testId="grading-discard"
          >
            {t('gradingAdmin.discard')}
          </Button>
        </Inline>
        <Box aria-live="polite">
          <Text size="small" color={props.issueCount > 0 ? 'color.text.danger' : 'color.text.subtle'}>
            {props.issueCount > 0
              ? t('gradingAdmin.problems', { count: props.issueCount })
              : props.dirty || props.calendarsDirty
                ? t('gradingAdmin.unsaved')
                : t('gradingAdmin.upToDate')}
          </Text>
        </Box>
      </Stack>
    </Box>
  );
}

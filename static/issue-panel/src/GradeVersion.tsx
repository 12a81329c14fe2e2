import { Stack, Text } from '@atlaskit/primitives';
import type { IssueItrState } from '../../../src/contract/issuePanel';
import { useI18n } from '../../shared/i18n/react';

/** "Major · grading table v3", and when another version is in force, which one (until a recompute). */
export function GradeVersion({ state, gradeName }: { state: IssueItrState; gradeName: string }) {
  const { t } = useI18n();
  if (state.gradingTableVersion === null) return <Text>{gradeName}</Text>;
  return (
    <Stack space="space.025">
      <Text>{t('grade.withTable', { grade: gradeName, version: state.gradingTableVersion })}</Text>
      {state.gradingTableVersion === state.gradingTableInForce ? null : (
        <Text size="small" color="color.text.warning" testId="itr-grade-version-differs">
          {t('grade.stampedNotInForce', { stamped: state.gradingTableVersion, inForce: state.gradingTableInForce })}
        </Text>
      )}
    </Stack>
  );
}

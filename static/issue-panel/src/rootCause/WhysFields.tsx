import Button from '@atlaskit/button/new';
import { Box, Inline, xcss } from '@atlaskit/primitives';
import { useI18n } from '../../../shared/i18n/react';
import { RootCauseArea } from './RootCauseArea';

/** The 5 Whys: as many as needed, each removable while more than one is left. */
export function WhysFields({
  whys,
  issuesAt,
  readOnly,
  onChange,
}: {
  whys: string[];
  issuesAt: (path: string) => string[];
  readOnly: boolean;
  onChange: (whys: string[]) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {whys.map((why, i) => (
        <Inline key={i} space="space.100" alignBlock="end">
          <Box xcss={growStyles}>
            <RootCauseArea
              label={t('rootCause.why', { n: i + 1 })}
              path={`whys.${i}`}
              value={why}
              errors={issuesAt(`whys.${i}`)}
              required
              onChange={(v) => onChange(whys.map((w, j) => (j === i ? v : w)))}
            />
          </Box>
          {whys.length > 1 ? (
            <Button
              appearance="subtle"
              isDisabled={readOnly}
              aria-label={t('rootCause.removeWhy', { n: i + 1 })}
              onClick={() => onChange(whys.filter((_, j) => j !== i))}
            >
              ×
            </Button>
          ) : null}
        </Inline>
      ))}
      <Box>
        <Button testId="root-cause-add-why" isDisabled={readOnly} onClick={() => onChange([...whys, ''])}>
          {t('rootCause.addWhy')}
        </Button>
      </Box>
    </>
  );
}

const growStyles = xcss({ flexGrow: 1 });

import { Box, Inline, xcss } from '@atlaskit/primitives';
import { useI18n } from '../../../shared/i18n/react';
import { RootCauseArea } from './RootCauseArea';
import { buttonStyle } from './rootCauseStyles';

/** The 5 Whys: as many as needed, each removable while more than one is left. */
export function WhysFields({
  whys,
  issuesAt,
  onChange,
}: {
  whys: string[];
  issuesAt: (path: string) => string[];
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
              onChange={(v) => onChange(whys.map((w, j) => (j === i ? v : w)))}
            />
          </Box>
          {whys.length > 1 ? (
            <button
              type="button"
              style={buttonStyle}
              aria-label={t('rootCause.removeWhy', { n: i + 1 })}
              onClick={() => onChange(whys.filter((_, j) => j !== i))}
            >
              ×
            </button>
          ) : null}
        </Inline>
      ))}
      <Box>
        <button
          type="button"
          style={buttonStyle}
          data-testid="root-cause-add-why"
          onClick={() => onChange([...whys, ''])}
        >
          {t('rootCause.addWhy')}
        </button>
      </Box>
    </>
  );
}

const growStyles = xcss({ flexGrow: 1 });

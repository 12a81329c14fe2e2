import { useId } from 'react';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { inputStyle } from './rootCauseStyles';

/** One labelled text area of the root-cause form, with its problems at its `path` right under it. */
export function RootCauseArea({
  label,
  value,
  onChange,
  path,
  errors,
  rows = 2,
  required = false,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  path: string;
  errors: string[];
  rows?: number;
  required?: boolean;
}) {
  const id = useId();
  return (
    <Stack space="space.050">
      <label htmlFor={id}>
        <Text weight="medium">{label}</Text>
      </label>
      <textarea
        id={id}
        data-path={path}
        rows={rows}
        value={value}
        aria-invalid={errors.length > 0}
        aria-required={required}
        aria-describedby={errors.length > 0 ? `${id}-err` : undefined}
        style={inputStyle(errors.length > 0)}
        onChange={(e) => onChange(e.target.value)}
      />
      {errors.length > 0 ? (
        <Box id={`${id}-err`} testId={`root-cause-error-${path}`}>
          {errors.map((e, i) => (
            <Text key={i} size="small" color="color.text.danger">
              {e}
            </Text>
          ))}
        </Box>
      ) : null}
    </Stack>
  );
}

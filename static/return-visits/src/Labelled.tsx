import { useId, type ReactNode } from 'react';
import { Stack } from '@atlaskit/primitives';
import { FieldLabel } from '../../shared/controls';

/** A visible label for the control `children` renders with the id it is given. */
export function Labelled({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      {children(id)}
    </Stack>
  );
}

/**
 * One person, picked from Jira by name (only people who may be assigned issues in the issue's project),
 * with its visible label and the server's errors at `path` right under it.
 */
import { useId } from 'react';
import { Stack } from '@atlaskit/primitives';
import type { ShownError } from '../../shared/errors';
import { PeoplePicker } from '../../shared/PeoplePicker';
import type { PickedPerson } from '../../shared/people';
import { FieldErrors } from './controls';

/** The project key of an issue key (`ITR-12` → `ITR`): owners are people assignable there. */
export const projectOf = (issueKey: string): string => issueKey.slice(0, Math.max(0, issueKey.lastIndexOf('-')));

export function PersonInput({
  path,
  label,
  errors,
  value,
  onChange,
  projectKey,
}: {
  path: string;
  label: string;
  errors: readonly ShownError[];
  value: PickedPerson | null;
  onChange: (v: PickedPerson | null) => void;
  projectKey: string;
}) {
  const id = useId();
  const errId = `${id}-err`;
  const invalid = errors.length > 0;
  return (
    <Stack space="space.050">
      <PeoplePicker
        label={label}
        showLabel
        kinds={['user']}
        value={value === null ? [] : [value]}
        onChange={(next) => {
          const picked = next[0];
          onChange(picked !== undefined && picked.kind === 'user' ? picked : null);
        }}
        assignableInProject={projectKey}
        path={path}
        invalid={invalid}
        describedBy={invalid ? errId : undefined}
        testId={`person-${path}`}
      />
      <FieldErrors errors={errors} id={errId} />
    </Stack>
  );
}

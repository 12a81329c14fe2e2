/**
 * The settings subpages' person and group inputs: the shared people picker, bound to a draft that keeps
 * account ids and group names, with the server's problems at its `path` shown under it. Names come from
 * the tab's last load or save (`displayNames`) and from what the admin picked since.
 */
import { useContext, useId, useState } from 'react';
import { Stack } from '@atlaskit/primitives';
import type { PeopleKind } from '../../../src/contract/people';
import { PeoplePicker } from '../../shared/PeoplePicker';
import { accountIdsOf, groupNamesOf, pickedGroup, pickedPerson, type Picked } from '../../shared/people';
import { EditContext, IssueList, issuesAt } from './fields';

interface Common {
  path: string;
  label: string;
  multiple?: boolean;
  testId?: string;
}

/** Names learned from the picker in this session, over the ones the server gave. */
function useLearnedNames(names: Readonly<Record<string, string>>) {
  const [learned, setLearned] = useState<Record<string, string>>({});
  const all = { ...names, ...learned };
  const learn = (picked: readonly Picked[]) => {
    const fresh = picked.flatMap((p) =>
      p.kind === 'user' && p.displayName !== null ? [[p.accountId, p.displayName] as const] : [],
    );
    if (fresh.length > 0) setLearned((l) => ({ ...l, ...Object.fromEntries(fresh) }));
  };
  return { all, learn };
}

function Field({
  path,
  label,
  multiple = false,
  testId,
  kind,
  value,
  onPicked,
}: Common & { kind: PeopleKind; value: Picked[]; onPicked: (next: Picked[]) => void }) {
  const { issues, readOnly } = useContext(EditContext);
  const id = useId();
  const mine = issuesAt(issues, path, true);
  return (
    <Stack space="space.025">
      <PeoplePicker
        label={label}
        kinds={[kind]}
        multiple={multiple}
        value={value}
        onChange={onPicked}
        path={path}
        invalid={mine.length > 0}
        describedBy={mine.length > 0 ? `${id}-issues` : undefined}
        disabled={readOnly}
        {...(testId === undefined ? {} : { testId })}
      />
      <IssueList issues={mine} id={`${id}-issues`} />
    </Stack>
  );
}

/** People by account id (one, or several with `multiple`). */
export function UsersField({
  accountIds,
  names,
  onChange,
  ...common
}: Common & {
  accountIds: readonly string[];
  names: Readonly<Record<string, string>>;
  onChange: (next: string[]) => void;
}) {
  const { all, learn } = useLearnedNames(names);
  return (
    <Field
      {...common}
      kind="user"
      value={accountIds.map((a) => pickedPerson(a, all))}
      onPicked={(next) => {
        learn(next);
        onChange(accountIdsOf(next));
      }}
    />
  );
}

/** Groups by name (one, or several with `multiple`). */
export function GroupsField({
  groups,
  onChange,
  ...common
}: Common & { groups: readonly string[]; onChange: (next: string[]) => void }) {
  return (
    <Field {...common} kind="group" value={groups.map(pickedGroup)} onPicked={(next) => onChange(groupNamesOf(next))} />
  );
}

import type { ForgeContext } from '../../shared/bridge';

/** The triage page (`itr-triage`): placeholder until the list and form land. */
export function TriagePage(_props: { context: ForgeContext }) {
  return null;
}

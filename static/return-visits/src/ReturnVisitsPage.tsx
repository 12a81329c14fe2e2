import type { ForgeContext } from '../../shared/bridge';
export function ReturnVisitsPage(_props: { context: ForgeContext }) {
  return null;
}

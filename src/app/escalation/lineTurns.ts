/**
 * Where each line's group round robin stands (KVS `state:line-turns`, outside `config:`: it is not
 * configuration, a backup need not carry it, and losing it only restarts the turns). One read and at
 * most one write per consumer run or line entry. Two runs at once may both read the same cursor and
 * give two issues to the same member: turns stay roughly even, never wrong.
 */
import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import { SUPPORT_LINES, type SupportLine, type TurnCursor } from '../../domain';

export type LineTurns = Record<SupportLine, TurnCursor>;

export interface LineTurnStore {
  load(): Promise<LineTurns>;
  save(turns: LineTurns): Promise<void>;
}

export const LINE_TURNS_KEY = 'line-turns';

const noTurns = (): LineTurns => ({ L1: null, L2: null, L3: null });

export const lineTurnsCodec: ConfigCodec<LineTurns> = {
  schemaVersion: 1,
  parse(raw) {
    const out = noTurns();
    if (typeof raw !== 'object' || raw === null) return out;
    for (const line of SUPPORT_LINES) {
      const v = (raw as Record<string, unknown>)[line];
      out[line] = typeof v === 'string' && v !== '' ? v : null;
    }
    return out;
  },
};

export function kvsLineTurnStore(store: ConfigStore = new ConfigStore({ prefix: 'state:' })): LineTurnStore {
  return {
    load: async () => (await store.get(LINE_TURNS_KEY, lineTurnsCodec))?.value ?? noTurns(),
    save: async (turns) => {
      await store.set(LINE_TURNS_KEY, turns, lineTurnsCodec);
    },
  };
}

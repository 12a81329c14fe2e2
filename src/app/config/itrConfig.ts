import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import {
  DEFAULT_CALENDARS,
  DEFAULT_GRADING_TABLE,
  DomainError,
  validateCalendar,
  validateGradingTable,
  type BusinessCalendar,
  type GradingTable,
} from '../../domain';

/**
 * The configuration the ITR rules run on: the published grading table (with its SLA/OLA) and the
 * business calendars by id. Kept in KVS; a site that never saved any runs on the shipped defaults.
 */
export interface ItrConfig {
  gradingTable: GradingTable;
  calendars: ReadonlyMap<string, BusinessCalendar>;
}

export const CONFIG_KEYS = { gradingTable: 'gradingTable', calendars: 'calendars' } as const;

function rejectInvalid(what: string, issues: { path: string; message: string }[]): never {
  throw new DomainError(
    'CONFIG_INVALID',
    `Stored ${what} is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
  );
}

export const calendarsCodec: ConfigCodec<Record<string, BusinessCalendar>> = {
  schemaVersion: 1,
  parse(raw) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      rejectInvalid('calendars', [{ path: '', message: 'not an object' }]);
    const out: Record<string, BusinessCalendar> = {};
    for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
      const checked = validateCalendar(value);
      if (!checked.ok) rejectInvalid(`calendar ${id}`, checked.issues);
      out[id] = checked.value;
    }
    return out;
  },
};

export function gradingTableCodec(calendarIds: readonly string[]): ConfigCodec<GradingTable> {
  return {
    schemaVersion: 1,
    parse(raw) {
      const checked = validateGradingTable(raw, { calendarIds });
      if (!checked.ok) rejectInvalid('grading table', checked.issues);
      return checked.value;
    },
  };
}

/** Reads the configuration (two KVS reads), falling back to the shipped defaults for what is unset. */
export async function loadItrConfig(store: ConfigStore = new ConfigStore()): Promise<ItrConfig> {
  const calendars = new Map<string, BusinessCalendar>(DEFAULT_CALENDARS.map((c) => [c.id, c.calendar]));
  const saved = await store.get(CONFIG_KEYS.calendars, calendarsCodec);
  for (const [id, cal] of Object.entries(saved?.value ?? {})) calendars.set(id, cal);
  const table = await store.get(CONFIG_KEYS.gradingTable, gradingTableCodec([...calendars.keys()]));
  return { gradingTable: table?.value ?? DEFAULT_GRADING_TABLE, calendars };
}

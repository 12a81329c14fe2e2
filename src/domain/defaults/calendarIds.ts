import { DEFAULT_CALENDARS } from '../calendar';

/**
 * Ids of the reference calendars defined by the calendar module (`always-on`, `cn-mainland-2026`,
 * `us-eastern`, `eu-berlin`). The default SLA uses them, and `validateGradingTable` accepts exactly
 * these unless the caller passes the ids it actually stores.
 */
export const REFERENCE_CALENDAR_IDS: readonly string[] = Object.freeze(DEFAULT_CALENDARS.map((c) => c.id));

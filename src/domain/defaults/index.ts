export { DEFAULT_GRADING_TABLE } from './defaultGradingTable';
export { DEFAULT_SLA, CN_BUSINESS_DAY_MINUTES } from './defaultSla';
export { REFERENCE_CALENDAR_IDS } from './calendarIds';

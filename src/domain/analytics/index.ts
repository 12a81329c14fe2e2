export * from './filter';
export * from './jql';
export * from './metrics';
export * from './caseHabit';

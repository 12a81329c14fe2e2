export * from './customerImport';
export * from './customerAdmin';

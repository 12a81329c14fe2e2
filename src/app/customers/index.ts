export * from './customerImport';
export * from './customerAdmin';
export * from './issueCustomer';
export * from './sparePartSummary';

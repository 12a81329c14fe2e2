/** Customers, their installed products, warranty and spare parts: pure rules (issue 17). */
export * from './customerCsv';
export * from './warranty';
export * from './spareParts';

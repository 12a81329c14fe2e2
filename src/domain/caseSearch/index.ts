/** Case search (pure): tokenization, index postings, ranking. See params.ts for the tuning constants. */
export * from './params';
export * from './tokenize';
export * from './rank';
export * from './memoryIndex';
export * from './bilingual';
export * from './glossaryCsv';

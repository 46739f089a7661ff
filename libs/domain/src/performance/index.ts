export * from './indicator-scoring.js';
export * from './seed-tables.js';

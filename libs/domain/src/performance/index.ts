export * from './indicator-scoring.js';
export * from './indicator-config.js';
export * from './metric-binding.js';
export * from './self-evaluation.js';
export * from './satisfaction-survey.js';
export * from './table-versions.js';
export * from './seed-tables.js';

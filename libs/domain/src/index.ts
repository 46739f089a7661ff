export * from './masking.js';
export * from './check-digits.js';

export * from './evaluation.js';

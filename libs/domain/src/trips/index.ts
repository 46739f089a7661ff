export * from './trip-cost.js';

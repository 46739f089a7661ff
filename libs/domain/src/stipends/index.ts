// `Violation` (./violation.ts) is deliberately not re-exported: the domain index exports the
// shared, identical one from ../violation.ts. Calendar-date helpers stay internal.
export * from './proration.js';
export * from './departure-subsidy.js';
export * from './roster-row.js';
export * from './cell-values.js';
export * from './building-leader-rates.js';
export * from './building-leader-row.js';
export { checkSheetHeaders, type SheetColumn, type SheetProblem } from './sheet-row-reader.js';
export * from './roster-checks.js';
export * from './stipend-moves.js';

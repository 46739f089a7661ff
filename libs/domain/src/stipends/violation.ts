/**
 * A problem with user input, reported instead of thrown. Same shape as the domain-wide
 * `Violation` (libs/domain/src/violation.ts); kept local so this folder has no sibling dependency.
 * The stipends barrel deliberately does not re-export it (the domain index exports the shared one).
 */
export interface Violation {
  field: string;
  code: string;
  zh: string;
  en: string;
}

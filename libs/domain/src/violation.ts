/**
 * The one shape every business rule reports a failure in. Rules never throw for user input:
 * they return a list of these, each naming the input field at fault (a dotted path such as
 * 'funding.requestedSubsidy' or 'costItems.2.amount') so the form can show it next to the field.
 */
export interface Violation {
  field: string;
  /** Stable UPPER_SNAKE code the API and the web client can switch on. */
  code: string;
  zh: string;
  en: string;
}

export function violation(field: string, code: string, zh: string, en: string): Violation {
  return { field, code, zh, en };
}

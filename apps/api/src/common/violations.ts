import { fieldMessage, type FieldErrors } from '@xiaoshi/contracts';
import type { Violation } from '@xiaoshi/domain';

/** A rule's violations as an error's field messages: the first one per field wins. */
export function violationsToFields(violations: readonly Violation[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const violation of violations) fields[violation.field] ??= fieldMessage(violation.zh, violation.en);
  return fields;
}

import type { FieldMessageKey } from './i18n/fields.js';

/**
 * The closed set of error codes the API can answer with. Each maps to one HTTP status; the global
 * exception filter is the only reader of `status`. The messages, in both languages, are dictionary
 * entries in `i18n/errors.ts` (a new code needs its texts there too, or it fails to compile).
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400 },
  MALFORMED_JSON: { status: 400 },
  BAD_REQUEST: { status: 400 },
  UNAUTHENTICATED: { status: 401 },
  INVALID_CREDENTIALS: { status: 401 },
  REFRESH_TOKEN_INVALID: { status: 401 },
  FORBIDDEN: { status: 403 },
  NOT_FOUND: { status: 404 },
  CONFLICT: { status: 409 },
  BUDGET_EXCEEDED: { status: 409 },
  WINDOW_CLOSED: { status: 409 },
  INVALID_TRANSITION: { status: 409 },
  RUBRIC_LOCKED: { status: 409 },
  CONFLICT_OF_INTEREST: { status: 409 },
  SHEET_LOCKED: { status: 409 },
  ASSIGNMENT_INFEASIBLE: { status: 409 },
  DEVIATION_REASON_REQUIRED: { status: 400 },
  NOTICE_NOT_ENDED: { status: 409 },
  OBJECTIONS_PENDING: { status: 409 },
  USERNAME_TAKEN: { status: 409 },
  PAYLOAD_TOO_LARGE: { status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415 },
  PASSWORD_CHANGE_REQUIRED: { status: 403 },
  ACCOUNT_DISABLED: { status: 403 },
  TOO_MANY_REQUESTS: { status: 429 },
  CROSS_SITE_REQUEST: { status: 403 },
  // --- stipends (issue 7)
  STIPEND_IMPORT_REJECTED: { status: 400 },
  STIPEND_PERSON_EXISTS: { status: 409 },
  STIPEND_REPORTS_PENDING: { status: 409 },
  STIPEND_BATCH_EXISTS: { status: 409 },
  STIPEND_BATCH_EMPTY: { status: 409 },
  STIPEND_SELF_APPROVAL: { status: 403 },
  // --- end stipends
  // --- issue 15: building leaders, study trips, social organisations
  SOCIAL_ORG_EVALUATION_REQUIRED: { status: 409 },
  SOCIAL_ORG_TRANCHE_REQUESTED: { status: 409 },
  SOCIAL_ORG_EXISTS: { status: 409 },
  // --- end issue 15
  // --- delivery and payments (issue 6)
  PAYMENT_OVER_RELEASED: { status: 409 },
  PAYMENT_SELF_APPROVAL: { status: 403 },
  PAYMENT_ALREADY_RECORDED: { status: 409 },
  VOUCHER_NUMBER_TAKEN: { status: 409 },
  IDEMPOTENCY_KEY_REUSED: { status: 409 },
  INSPECTOR_NOT_ASSIGNED: { status: 403 },
  // --- end delivery
  // --- performance targets and surveys (issue 11)
  PERFORMANCE_TABLE_EXISTS: { status: 409 },
  PERFORMANCE_VERSION_FROZEN: { status: 409 },
  PERFORMANCE_DRAFT_EXISTS: { status: 409 },
  PERFORMANCE_NOT_APPROVED: { status: 409 },
  PERFORMANCE_DEVIATION_REASON_REQUIRED: { status: 400 },
  PERFORMANCE_STREET_REPORTS_PENDING: { status: 409 },
  PERFORMANCE_EVALUATION_SUBMITTED: { status: 409 },
  SURVEY_CLOSED: { status: 409 },
  SURVEY_ALREADY_ANSWERED: { status: 409 },
  SURVEY_ADDRESS_LIMIT: { status: 429 },
  // --- end performance
  // --- notifications (issue 14): e-mail, SMS, preferences, phone verification
  SMS_UNAVAILABLE: { status: 409 },
  PHONE_MISSING: { status: 409 },
  VERIFICATION_CODE_INVALID: { status: 400 },
  VERIFICATION_ATTEMPTS_EXCEEDED: { status: 429 },
  UNSUBSCRIBE_LINK_INVALID: { status: 400 },
  DELIVERY_NOT_RETRYABLE: { status: 409 },
  // --- end notifications
  INTERNAL: { status: 500 },
  SERVICE_UNAVAILABLE: { status: 503 },
} as const satisfies Record<string, { status: number }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** A field-level text in both languages; the filter picks one by Accept-Language. */
export interface LocalisedText {
  zh: string;
  en: string;
}

/** An entry of the shared `fields` dictionary (i18n/fields.ts), translated by the filter. */
export interface DictionaryText {
  key: FieldMessageKey;
}

export type FieldMessage = LocalisedText | DictionaryText;

export type FieldErrors = Record<string, FieldMessage>;

/** What every error response body looks like. */
export interface ErrorResponse {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
  requestId?: string;
}

/**
 * Thrown by services for any rule a request breaks. It carries no HTTP knowledge: the code decides
 * the status, and the filter translates.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldErrors,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'DomainError';
  }
}

export function fieldMessage(zh: string, en: string): LocalisedText {
  return { zh, en };
}

/** A field message from the shared dictionary (generic checks: phone formats, ids, stored text). */
export function fieldText(key: FieldMessageKey): DictionaryText {
  return { key };
}

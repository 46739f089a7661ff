/**
 * The closed set of error codes the API can answer with. Each maps to one HTTP status and a
 * message in both languages; the global exception filter is the only reader of `status`.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, zh: '输入有误，请检查标出的字段', en: 'Some fields are invalid' },
  MALFORMED_JSON: { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  BAD_REQUEST: { status: 400, zh: '请求无效', en: 'The request is invalid' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  REFRESH_TOKEN_INVALID: { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired; sign in again' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '未找到', en: 'Not found' },
  CONFLICT: { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'The record changed meanwhile; reload and retry' },
  BUDGET_EXCEEDED: {
    status: 409,
    zh: '超出预算：该预算线可用额度不足',
    en: 'Over budget: the budget line does not have that much available',
  },
  WINDOW_CLOSED: { status: 409, zh: '不在申报时间内', en: 'The submission window is not open' },
  INVALID_TRANSITION: { status: 409, zh: '当前状态下不能执行此操作', en: 'This action is not possible in the current status' },
  RUBRIC_LOCKED: { status: 409, zh: '申报已开始，评分标准已锁定', en: 'The rubric is locked once submissions open' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'This username is taken' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的文件或内容类型', en: 'Unsupported file or content type' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '登录失败次数过多，账号已临时锁定，请稍后再试',
    en: 'Too many failed sign-ins; the account is locked for a while',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '请先修改初始密码',
    en: 'Change your temporary password first',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'This account is disabled' },
  TOO_MANY_REQUESTS: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Field-level messages in both languages; the filter picks one by Accept-Language. */
export interface FieldMessage {
  zh: string;
  en: string;
}

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

export function fieldMessage(zh: string, en: string): FieldMessage {
  return { zh, en };
}

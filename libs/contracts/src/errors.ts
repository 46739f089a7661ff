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
  CONFLICT_OF_INTEREST: {
    status: 409,
    zh: '该评审专家与申报项目存在利益冲突',
    en: 'The reviewer has a conflict of interest with this application',
  },
  SHEET_LOCKED: { status: 409, zh: '评分表已提交，不能修改', en: 'The score sheet is submitted and locked' },
  ASSIGNMENT_INFEASIBLE: {
    status: 409,
    zh: '无法完成分配：部分项目没有足够的无冲突评审专家',
    en: 'Assignment impossible: some applications lack enough conflict-free reviewers',
  },
  DEVIATION_REASON_REQUIRED: {
    status: 400,
    zh: '偏离排名顺序须填写理由',
    en: 'Every deviation from rank order needs a written reason',
  },
  NOTICE_NOT_ENDED: { status: 409, zh: '公示期尚未结束', en: 'The public notice period has not ended' },
  OBJECTIONS_PENDING: { status: 409, zh: '尚有未处理的异议', en: 'Objections are still pending' },
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
  CROSS_SITE_REQUEST: {
    status: 403,
    zh: '拒绝来自其他网站的请求，请在本系统页面内操作',
    en: 'Requests from other sites are refused; use the portal itself',
  },
  // --- stipends (issue 7)
  STIPEND_IMPORT_REJECTED: {
    status: 400,
    zh: '名册有误，未导入任何数据；请按行号和列名更正后重新导入',
    en: 'The roster has errors and nothing was imported; fix the rows and columns named and import again',
  },
  STIPEND_PERSON_EXISTS: { status: 409, zh: '该身份证号已在名册中', en: 'This ID number is already on the roster' },
  STIPEND_REPORTS_PENDING: {
    status: 409,
    zh: '尚有街道的季度报送未经区级审核通过',
    en: 'Some streets’ quarterly reports have not been approved by the district',
  },
  STIPEND_BATCH_EXISTS: {
    status: 409,
    zh: '该项目本期的发放批次已生成，不能重复生成',
    en: 'A batch for this programme and period already exists',
  },
  STIPEND_BATCH_EMPTY: { status: 409, zh: '本期没有应发放的人员', en: 'Nobody is due a payment in this period' },
  STIPEND_SELF_APPROVAL: {
    status: 403,
    zh: '审批人不能是该批次的制单人',
    en: 'The batch must be approved by someone other than the person who prepared it',
  },
  // --- end stipends
  // --- issue 15: building leaders, study trips, social organisations
  SOCIAL_ORG_EVALUATION_REQUIRED: {
    status: 409,
    zh: '尚无合格的督导评估，尾款不能申请支付',
    en: 'No passed supervision evaluation yet: the final payment cannot be requested',
  },
  SOCIAL_ORG_TRANCHE_REQUESTED: {
    status: 409,
    zh: '该笔款项已申请支付，不能重复申请',
    en: 'This tranche has already been requested',
  },
  SOCIAL_ORG_EXISTS: {
    status: 409,
    zh: '该统一社会信用代码已登记',
    en: 'An organisation with this unified social credit code is already registered',
  },
  // --- end issue 15
  // --- delivery and payments (issue 6)
  PAYMENT_OVER_RELEASED: {
    status: 409,
    zh: '申请拨付金额超过已释放且未拨付的余额',
    en: 'The amount exceeds what is released and not yet requested or paid',
  },
  PAYMENT_SELF_APPROVAL: {
    status: 403,
    zh: '审批人不能是该笔拨付的申请人',
    en: 'A payment must be approved by someone other than its requester',
  },
  PAYMENT_ALREADY_RECORDED: {
    status: 409,
    zh: '该笔拨付已登记支付，不能重复登记',
    en: 'This payment is already recorded as paid',
  },
  VOUCHER_NUMBER_TAKEN: { status: 409, zh: '凭证号已被使用', en: 'This voucher number is already used' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    zh: '该幂等键已用于另一请求',
    en: 'This idempotency key was already used for a different request',
  },
  INSPECTOR_NOT_ASSIGNED: { status: 403, zh: '您不是本次验收的指派人员', en: 'You are not assigned to this inspection' },
  // --- end delivery
  // --- performance targets and surveys (issue 11)
  PERFORMANCE_TABLE_EXISTS: {
    status: 409,
    zh: '该项目（预算线）本年度已有绩效目标表',
    en: 'This programme (budget line) already has a target table for the year',
  },
  PERFORMANCE_VERSION_FROZEN: {
    status: 409,
    zh: '该版本已批准并冻结，不能修改；如需调整请新建版本',
    en: 'This version is approved and frozen; create a new version to change it',
  },
  PERFORMANCE_DRAFT_EXISTS: {
    status: 409,
    zh: '该目标表已有一个草稿版本，请先批准或修改该草稿',
    en: 'This table already has a draft version; approve or edit that draft first',
  },
  PERFORMANCE_NOT_APPROVED: {
    status: 409,
    zh: '该目标表尚无已批准的版本',
    en: 'This table has no approved version yet',
  },
  PERFORMANCE_DEVIATION_REASON_REQUIRED: {
    status: 400,
    zh: '未达到目标值的指标须填写偏差原因分析及改进措施',
    en: 'Every indicator below its target needs a deviation analysis and improvement measures',
  },
  PERFORMANCE_STREET_REPORTS_PENDING: {
    status: 409,
    zh: '尚有街道的自评报送未经区级审核通过',
    en: 'Some streets’ self-evaluation reports have not been approved by the district',
  },
  PERFORMANCE_EVALUATION_SUBMITTED: {
    status: 409,
    zh: '本年度绩效自评已提交，不能再修改',
    en: 'The self-evaluation for the year is submitted and can no longer change',
  },
  SURVEY_CLOSED: { status: 409, zh: '该满意度测评已结束', en: 'This survey is closed' },
  SURVEY_ALREADY_ANSWERED: {
    status: 409,
    zh: '您已提交过本次测评，感谢参与',
    en: 'You have already answered this survey; thank you',
  },
  SURVEY_ADDRESS_LIMIT: {
    status: 429,
    zh: '来自同一网络的答卷已达上限',
    en: 'Too many answers from the same network',
  },
  // --- end performance
  // --- notifications (issue 14): e-mail, SMS, preferences, phone verification
  SMS_UNAVAILABLE: { status: 409, zh: '短信通道未开通，请联系管理员', en: 'Text messages are not set up; ask an administrator' },
  PHONE_MISSING: { status: 409, zh: '账号未登记手机号，请联系管理员登记', en: 'Your account has no phone number; ask an administrator to add one' },
  VERIFICATION_CODE_INVALID: { status: 400, zh: '验证码错误或已过期', en: 'The code is wrong or has expired' },
  VERIFICATION_ATTEMPTS_EXCEEDED: {
    status: 429,
    zh: '验证码错误次数过多，请重新获取',
    en: 'Too many wrong codes; request a new one',
  },
  UNSUBSCRIBE_LINK_INVALID: { status: 400, zh: '退订链接无效', en: 'This unsubscribe link is not valid' },
  DELIVERY_NOT_RETRYABLE: { status: 409, zh: '只有失败或未确认的发送可以重试', en: 'Only failed or unconfirmed deliveries can be retried' },
  // --- end notifications
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

import { isReminderKind, type NotificationLanguage, type ReminderKind } from '@xiaoshi/contracts';
import { formatYuan } from '@xiaoshi/domain';

/** A reminder's parameters: plain values a provider computed (titles, dates, counts, fen). */
export type TemplateParams = Record<string, string | number>;

export interface RenderedMessage {
  /** In-app title and e-mail subject. */
  title: string;
  /** In-app body and the e-mail's main paragraph. */
  body: string;
}

type Render = (p: TemplateParams) => RenderedMessage;

const str = (p: TemplateParams, key: string) => String(p[key] ?? '');
const num = (p: TemplateParams, key: string) => Number(p[key] ?? 0);
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const INSPECTION_KIND = {
  'zh-CN': { acceptance: '验收', supervision: '督导评估' } as Record<string, string>,
  en: { acceptance: 'acceptance inspection', supervision: 'supervision evaluation' } as Record<string, string>,
};

/**
 * Every reminder kind in zh-CN and English. The same text serves the in-app notification (title,
 * body) and the e-mail (subject, main paragraph); SMS text lives in the provider's approved
 * templates, filled from `smsParams`.
 */
export const REMINDER_TEMPLATES: Record<ReminderKind, Record<NotificationLanguage, Render>> = {
  'competition.window_closing': {
    'zh-CN': (p) => ({
      title: num(p, 'days') === 1 ? `「${str(p, 'competition')}」申报下一个工作日截止` : `「${str(p, 'competition')}」申报还剩 ${num(p, 'days')} 个工作日截止`,
      body: `申报将于 ${str(p, 'closesAt')} 截止，请尽快完成项目的填报和提交。`,
    }),
    en: (p) => ({
      title:
        num(p, 'days') === 1
          ? `"${str(p, 'competition')}" closes on the next working day`
          : `"${str(p, 'competition')}" closes in ${num(p, 'days')} working days`,
      body: `Submissions close at ${str(p, 'closesAt')} (Beijing time). Please complete and submit your applications.`,
    }),
  },
  'competition.street_short': {
    'zh-CN': (p) => ({
      title: `「${str(p, 'competition')}」申报数量未达要求`,
      body: `本街道已提交 ${num(p, 'submitted')} 个，要求不少于 ${num(p, 'minimum')} 个，申报将于 ${str(p, 'closesAt')} 截止。`,
    }),
    en: (p) => ({
      title: `"${str(p, 'competition')}": your street is below its minimum`,
      body: `Your street has submitted ${num(p, 'submitted')} of at least ${num(p, 'minimum')} applications. Submissions close at ${str(p, 'closesAt')} (Beijing time).`,
    }),
  },
  'review.sheet_due': {
    'zh-CN': (p) => ({
      title: `「${str(p, 'competition')}」评审即将截止`,
      body: `您还有 ${num(p, 'pending')} 份评分表未提交，评审将于 ${str(p, 'closesAt')} 截止。`,
    }),
    en: (p) => ({
      title: `Review of "${str(p, 'competition')}" closes soon`,
      body: `You have ${num(p, 'pending')} ${plural(num(p, 'pending'), 'score sheet', 'score sheets')} to submit. The review closes at ${str(p, 'closesAt')} (Beijing time).`,
    }),
  },
  'notice.ending': {
    'zh-CN': (p) => ({
      title: `公示「${str(p, 'notice')}」将于 ${str(p, 'lastDay')} 结束`,
      body:
        num(p, 'pendingObjections') > 0
          ? `公示期最后一天为 ${str(p, 'lastDay')}，尚有 ${num(p, 'pendingObjections')} 条异议待处理。`
          : `公示期最后一天为 ${str(p, 'lastDay')}，目前没有待处理的异议。`,
    }),
    en: (p) => ({
      title: `Public notice "${str(p, 'notice')}" ends on ${str(p, 'lastDay')}`,
      body:
        num(p, 'pendingObjections') > 0
          ? `The last day of the notice is ${str(p, 'lastDay')}; ${num(p, 'pendingObjections')} ${plural(num(p, 'pendingObjections'), 'objection is', 'objections are')} still to be decided.`
          : `The last day of the notice is ${str(p, 'lastDay')}; no objection is pending.`,
    }),
  },
  'objection.to_decide': {
    'zh-CN': (p) => ({
      title: `公示「${str(p, 'notice')}」有 ${num(p, 'pending')} 条异议待处理`,
      body: `请在公示期结束（${str(p, 'lastDay')}）前完成调查并作出处理决定。`,
    }),
    en: (p) => ({
      title: `${num(p, 'pending')} ${plural(num(p, 'pending'), 'objection', 'objections')} to decide on "${str(p, 'notice')}"`,
      body: `Please investigate and decide before the notice ends (${str(p, 'lastDay')}).`,
    }),
  },
  'project.report_due': {
    'zh-CN': (p) => ({
      title: `请提交「${str(p, 'project')}」${str(p, 'month')} 的进度报告`,
      body: `本月进度报告尚未提交，请于 ${str(p, 'dueDay')} 前提交（附现场照片）。`,
    }),
    en: (p) => ({
      title: `Progress report for "${str(p, 'project')}" due (${str(p, 'month')})`,
      body: `This month's progress report has not been submitted. Please submit it, with photos, by ${str(p, 'dueDay')}.`,
    }),
  },
  'inspection.scheduled': {
    'zh-CN': (p) => ({
      title: `待完成的${INSPECTION_KIND['zh-CN'][str(p, 'inspectionKind')] ?? '验收'}：「${str(p, 'project')}」`,
      body: `您于 ${str(p, 'assignedOn')} 被指派为第 ${num(p, 'round')} 轮${INSPECTION_KIND['zh-CN'][str(p, 'inspectionKind')] ?? '验收'}人员，请到现场检查并录入结果。`,
    }),
    en: (p) => ({
      title: `Scheduled ${INSPECTION_KIND.en[str(p, 'inspectionKind')] ?? 'inspection'}: "${str(p, 'project')}"`,
      body: `You were assigned on ${str(p, 'assignedOn')} to round ${num(p, 'round')} of this ${INSPECTION_KIND.en[str(p, 'inspectionKind')] ?? 'inspection'}. Please visit the site and record the result.`,
    }),
  },
  'payment.awaiting_approval': {
    'zh-CN': (p) => ({
      title: `付款申请待审批：${str(p, 'purpose')}`,
      body: `金额 ${formatYuan(num(p, 'amountFen'))} 元，于 ${str(p, 'requestedOn')} 提出，正在等待审批。`,
    }),
    en: (p) => ({
      title: `Payment awaiting approval: ${str(p, 'purpose')}`,
      body: `A payment of ¥${formatYuan(num(p, 'amountFen'))} requested on ${str(p, 'requestedOn')} is waiting for approval.`,
    }),
  },
  'stipend_report.due': {
    'zh-CN': (p) => ({
      title: `请报送${num(p, 'year')}年第${num(p, 'quarter')}季度${str(p, 'programme')}名册`,
      body: `本街道名册共${num(p, 'people')}人，${num(p, 'year')}年第${num(p, 'quarter')}季度名册须于${str(p, 'due')}前报送区级审核。`,
    }),
    en: (p) => ({
      title: `Report the ${num(p, 'year')} Q${num(p, 'quarter')} roster of ${str(p, 'programme')}`,
      body: `Your street's roster has ${num(p, 'people')} ${plural(num(p, 'people'), 'person', 'people')}; the ${num(p, 'year')} Q${num(p, 'quarter')} roster is due for district review by ${str(p, 'due')}.`,
    }),
  },
};

export function renderReminder(kind: ReminderKind, language: NotificationLanguage, params: TemplateParams): RenderedMessage {
  return REMINDER_TEMPLATES[kind][language](params);
}

/**
 * The variables an SMS template receives: the reminder's parameters as short strings (providers cap
 * a variable's length; titles are cut, not the numbers).
 */
export function smsParams(kind: string, params: TemplateParams | null, title: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!params || !isReminderKind(kind)) {
    out.title = title.length > 20 ? `${title.slice(0, 19)}…` : title;
    return out;
  }
  for (const [key, value] of Object.entries(params)) {
    const text = key === 'amountFen' ? formatYuan(Number(value)) : String(value);
    out[key === 'amountFen' ? 'amount' : key] = text.length > 20 ? `${text.slice(0, 19)}…` : text;
  }
  return out;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

const EMAIL_CHROME = {
  'zh-CN': {
    greeting: (name: string) => `${name}，您好：`,
    open: '在小实事中查看',
    footer: '此邮件由小实事（社区微实事项目管理平台）自动发送，请勿直接回复。',
    unsubscribe: '不想再收到此类邮件？一键退订',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    open: 'Open in Xiaoshi',
    footer: 'This e-mail was sent automatically by Xiaoshi (community micro-grants portal); please do not reply.',
    unsubscribe: 'Stop e-mails like this one (one click)',
  },
} as const;

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** The e-mail around a message: greeting, the message, a link into the portal, the unsubscribe link. */
export function renderEmail(input: {
  language: NotificationLanguage;
  recipientName: string;
  message: RenderedMessage;
  link: string | null;
  unsubscribeUrl: string;
}): EmailContent {
  const chrome = EMAIL_CHROME[input.language];
  const lang = input.language === 'en' ? 'en' : 'zh-CN';
  const text = [
    chrome.greeting(input.recipientName),
    '',
    input.message.body,
    ...(input.link ? ['', `${chrome.open}: ${input.link}`] : []),
    '',
    '--',
    chrome.footer,
    `${chrome.unsubscribe}: ${input.unsubscribeUrl}`,
    '',
  ].join('\n');
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(input.message.title)}</title></head>
<body style="margin:0;padding:24px;background:#f5f7fa;font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#1f2329">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<tr><td>
<h1 style="font-size:18px;margin:0 0 16px">${escapeHtml(input.message.title)}</h1>
<p style="margin:0 0 12px">${escapeHtml(chrome.greeting(input.recipientName))}</p>
<p style="margin:0 0 20px;line-height:1.6">${escapeHtml(input.message.body)}</p>
${input.link ? `<p style="margin:0 0 24px"><a href="${escapeHtml(input.link)}" style="display:inline-block;background:#1677ff;color:#ffffff;text-decoration:none;padding:8px 16px;border-radius:6px">${escapeHtml(chrome.open)}</a></p>` : ''}
<p style="margin:0;font-size:12px;color:#8a8f99">${escapeHtml(chrome.footer)}<br><a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#8a8f99">${escapeHtml(chrome.unsubscribe)}</a></p>
</td></tr></table>
</body></html>
`;
  return { subject: input.message.title, text, html };
}

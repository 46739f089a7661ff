import { formatShanghaiMinute } from './shanghai-time.js';
import { violation, type Violation } from './violation.js';

/** Attachment types an application may carry; competitions pick the required ones by key. */
export const ATTACHMENT_TYPES = [
  { key: 'council_resolution', zh: '居民议事会决议', en: 'residents’ council resolution' },
  { key: 'budget_sheet', zh: '预算表', en: 'budget sheet' },
  { key: 'site_photos', zh: '现场照片', en: 'site photos' },
  { key: 'partner_agreement', zh: '合作协议', en: 'partner agreement' },
  { key: 'other', zh: '其他', en: 'other' },
  // delivery (issue 6)
  { key: 'progress_photo', zh: '进度照片', en: 'progress photo' },
  { key: 'inspection_photo', zh: '验收照片', en: 'inspection photo' },
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number]['key'];

/** Label of an attachment type; unknown (competition-specific) types fall back to their key. */
export function attachmentLabel(type: string): { zh: string; en: string } {
  const known = ATTACHMENT_TYPES.find((t) => t.key === type);
  return known ? { zh: known.zh, en: known.en } : { zh: type, en: type };
}

export interface SubmissionCheckInput {
  now: Date;
  window: { opensAt: Date; closesAt: Date };
  requiredAttachmentTypes: string[];
  presentAttachmentTypes: string[];
}

/**
 * Can the application be submitted now? The window is half-open, [opensAt, closesAt): a deadline
 * of 17:00 means a submission at 17:00:00.000 is already late, which is how a published
 * 截止时间 is read. Times in messages are Asia/Shanghai wall-clock.
 */
export function checkSubmission(input: SubmissionCheckInput): Violation[] {
  const out: Violation[] = [];
  const { now, window } = input;
  const opens = formatShanghaiMinute(window.opensAt);
  const closes = formatShanghaiMinute(window.closesAt);
  if (now.getTime() < window.opensAt.getTime()) {
    out.push(
      violation(
        'submissionWindow',
        'WINDOW_NOT_OPEN',
        `申报尚未开始：申报时间为 ${opens} 至 ${closes}`,
        `Submissions are not open yet: the window is ${opens} to ${closes} (Beijing time)`,
      ),
    );
  } else if (now.getTime() >= window.closesAt.getTime()) {
    out.push(
      violation(
        'submissionWindow',
        'WINDOW_CLOSED',
        `申报已截止：截止时间为 ${closes}`,
        `Submissions closed at ${closes} (Beijing time)`,
      ),
    );
  }

  const present = new Set(input.presentAttachmentTypes);
  for (const type of new Set(input.requiredAttachmentTypes)) {
    if (present.has(type)) continue;
    const label = attachmentLabel(type);
    out.push(
      violation(
        `attachments.${type}`,
        'ATTACHMENT_REQUIRED',
        `缺少必需附件：${label.zh}`,
        `Required attachment missing: ${label.en}`,
      ),
    );
  }
  return out;
}

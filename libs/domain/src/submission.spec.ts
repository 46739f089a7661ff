import { ATTACHMENT_TYPES, attachmentLabel, checkSubmission } from './submission.js';

// Window 2026-03-01 09:00 to 2026-03-31 17:00 Beijing time.
const window = { opensAt: new Date('2026-03-01T01:00:00Z'), closesAt: new Date('2026-03-31T09:00:00Z') };
const all = ['council_resolution', 'budget_sheet', 'site_photos'];

function run(nowIso: string, required: string[] = all, present: string[] = all) {
  return checkSubmission({
    now: new Date(nowIso),
    window,
    requiredAttachmentTypes: required,
    presentAttachmentTypes: present,
  });
}

describe('checkSubmission', () => {
  it.each([
    ['2026-03-01T00:59:59.999Z', ['submissionWindow:WINDOW_NOT_OPEN']],
    ['2026-03-01T01:00:00.000Z', []], // opens inclusive
    ['2026-03-15T04:00:00Z', []],
    ['2026-03-31T08:59:59.999Z', []],
    ['2026-03-31T09:00:00.000Z', ['submissionWindow:WINDOW_CLOSED']], // closes exclusive
    ['2026-04-02T00:00:00Z', ['submissionWindow:WINDOW_CLOSED']],
  ])('at %s → %j', (now, expected) => {
    expect(run(now).map((v) => `${v.field}:${v.code}`)).toEqual(expected);
  });

  it('formats the window in Asia/Shanghai time', () => {
    const [early] = run('2026-02-01T00:00:00Z');
    expect(early.zh).toBe('申报尚未开始：申报时间为 2026-03-01 09:00 至 2026-03-31 17:00');
    const [late] = run('2026-04-01T00:00:00Z');
    expect(late.zh).toBe('申报已截止：截止时间为 2026-03-31 17:00');
    expect(late.en).toContain('2026-03-31 17:00');
  });

  it('reports one violation per missing attachment type, with its label', () => {
    const v = run(
      '2026-03-15T04:00:00Z',
      [...all, 'partner_agreement', 'budget_sheet', 'custom_map'],
      ['budget_sheet', 'other'],
    );
    expect(v.map((x) => `${x.field}:${x.code}`)).toEqual([
      'attachments.council_resolution:ATTACHMENT_REQUIRED',
      'attachments.site_photos:ATTACHMENT_REQUIRED',
      'attachments.partner_agreement:ATTACHMENT_REQUIRED',
      'attachments.custom_map:ATTACHMENT_REQUIRED',
    ]);
    expect(v[0].zh).toBe('缺少必需附件：居民议事会决议');
    expect(v[2].zh).toBe('缺少必需附件：合作协议');
    expect(v[3].zh).toBe('缺少必需附件：custom_map');
  });

  it('reports window and attachments together', () => {
    expect(run('2026-04-01T00:00:00Z', ['site_photos'], []).map((v) => v.code)).toEqual([
      'WINDOW_CLOSED',
      'ATTACHMENT_REQUIRED',
    ]);
  });

  it('labels every known type', () => {
    expect(ATTACHMENT_TYPES.map((t) => t.key)).toEqual([
      'council_resolution',
      'budget_sheet',
      'site_photos',
      'partner_agreement',
      'other',
      'progress_photo',
      'inspection_photo',
    ]);
    expect(attachmentLabel('site_photos')).toEqual({ zh: '现场照片', en: 'site photos' });
  });
});

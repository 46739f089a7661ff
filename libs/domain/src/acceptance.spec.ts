import {
  DEFAULT_CHECKLISTS,
  checkInspectionRecord,
  checklistFor,
  inspectionKindFor,
  type ChecklistAnswers,
} from './acceptance.js';

const allOk = (kind: keyof typeof DEFAULT_CHECKLISTS): ChecklistAnswers =>
  Object.fromEntries(DEFAULT_CHECKLISTS[kind].map((item) => [item.key, { ok: true }]));
const codes = (v: { field: string; code: string }[]) => v.map((x) => `${x.field}:${x.code}`);

describe('acceptance checklists', () => {
  it('has a distinct list per kind with unique keys and both languages', () => {
    for (const list of Object.values(DEFAULT_CHECKLISTS)) {
      expect(list.length).toBeGreaterThanOrEqual(5);
      expect(new Set(list.map((item) => item.key)).size).toBe(list.length);
      for (const item of list) expect(item.zh && item.en).toBeTruthy();
    }
    expect(DEFAULT_CHECKLISTS.works.map((i) => i.key)).toContain('quality');
    expect(DEFAULT_CHECKLISTS.service.map((i) => i.key)).not.toContain('quality');
  });

  it('picks the list by category, then by competition kind', () => {
    expect(checklistFor('works')).toBe(DEFAULT_CHECKLISTS.works);
    expect(checklistFor('service')).toBe(DEFAULT_CHECKLISTS.service);
    expect(checklistFor('custom', 'governance')).toBe(DEFAULT_CHECKLISTS.governance);
    expect(checklistFor('custom', 'volunteer')).toBe(DEFAULT_CHECKLISTS.volunteer);
    expect(checklistFor('custom', 'generic')).toBe(DEFAULT_CHECKLISTS.service);
  });

  it('gates governance projects on the supervision evaluation', () => {
    expect(inspectionKindFor('governance')).toBe('supervision');
    expect(inspectionKindFor('livelihood')).toBe('acceptance');
  });
});

describe('checkInspectionRecord', () => {
  const base = { checklist: DEFAULT_CHECKLISTS.service, findings: '', inspectedOn: '2026-10-10' };

  it('accepts a complete passing record', () => {
    expect(checkInspectionRecord({ ...base, answers: allOk('service'), outcome: 'passed' })).toEqual([]);
  });

  it('wants every item answered and no unknown one', () => {
    const answers = allOk('service');
    delete answers.records;
    answers.bogus = { ok: true };
    expect(codes(checkInspectionRecord({ ...base, answers, outcome: 'passed' }))).toEqual([
      'answers.records:CHECKLIST_ITEM_MISSING',
      'answers.bogus:CHECKLIST_ITEM_UNKNOWN',
    ]);
  });

  it('never passes with an unmet item', () => {
    const answers = { ...allOk('service'), records: { ok: false, note: '签到表缺失' } };
    expect(codes(checkInspectionRecord({ ...base, answers, outcome: 'passed' }))).toEqual([
      'outcome:INSPECTION_PASSED_WITH_FAILURES',
    ]);
  });

  it('wants findings and a later deadline for a rectification', () => {
    expect(
      codes(checkInspectionRecord({ ...base, answers: allOk('service'), outcome: 'rectification' })),
    ).toEqual(['findings:FINDINGS_REQUIRED', 'rectificationDeadline:RECTIFICATION_DEADLINE_REQUIRED']);
    expect(
      codes(
        checkInspectionRecord({
          ...base,
          answers: allOk('service'),
          outcome: 'rectification',
          findings: '台账不全',
          rectificationDeadline: '2026-10-10',
        }),
      ),
    ).toEqual(['rectificationDeadline:RECTIFICATION_DEADLINE_INVALID']);
    expect(
      checkInspectionRecord({
        ...base,
        answers: allOk('service'),
        outcome: 'rectification',
        findings: '台账不全',
        rectificationDeadline: '2026-10-31',
      }),
    ).toEqual([]);
  });

  it('wants findings for a failure', () => {
    expect(codes(checkInspectionRecord({ ...base, answers: allOk('service'), outcome: 'failed' }))).toEqual([
      'findings:FINDINGS_REQUIRED',
    ]);
  });
});

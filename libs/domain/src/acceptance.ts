import { violation, type Violation } from './violation.js';

/**
 * Acceptance inspection (验收) and supervision evaluation (督导评估): the default checklists per
 * kind of project, as data, and the rules an inspection record must follow. A competition's
 * category key (works, service, governance, volunteer) picks the checklist; unknown keys fall back
 * to the competition kind, then to the service list.
 */
export const CHECKLIST_KINDS = ['works', 'service', 'governance', 'volunteer'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];

export interface ChecklistItem {
  key: string;
  zh: string;
  en: string;
}

export const DEFAULT_CHECKLISTS: Record<ChecklistKind, readonly ChecklistItem[]> = {
  works: [
    { key: 'scope_complete', zh: '建设内容按申报方案全部完成', en: 'All works in the plan are complete' },
    { key: 'quality', zh: '工程质量合格，无安全隐患', en: 'Workmanship is sound with no safety hazard' },
    { key: 'materials', zh: '材料设备与预算清单相符', en: 'Materials and equipment match the budget sheet' },
    {
      key: 'cofunding',
      zh: '居民凑钱、出力等自筹部分已落实',
      en: 'Resident money and labour were contributed as planned',
    },
    { key: 'accounts', zh: '资金使用有票据、账目清楚', en: 'Spending is documented with receipts' },
    { key: 'maintenance', zh: '已明确后期管护责任', en: 'Upkeep responsibilities are agreed' },
    { key: 'residents_satisfied', zh: '居民满意度调查结果良好', en: 'Residents are satisfied' },
  ],
  service: [
    { key: 'activities_done', zh: '服务活动按计划开展', en: 'Service activities took place as planned' },
    {
      key: 'beneficiaries_reached',
      zh: '服务对象人数达到申报目标',
      en: 'The planned number of beneficiaries was reached',
    },
    {
      key: 'records',
      zh: '活动记录、签到表、照片齐全',
      en: 'Activity records, sign-in sheets and photos are complete',
    },
    {
      key: 'cofunding',
      zh: '居民凑钱、出力等自筹部分已落实',
      en: 'Resident money and labour were contributed as planned',
    },
    { key: 'accounts', zh: '资金使用有票据、账目清楚', en: 'Spending is documented with receipts' },
    { key: 'residents_satisfied', zh: '服务对象满意度良好', en: 'Beneficiaries are satisfied' },
  ],
  governance: [
    {
      key: 'party_leadership',
      zh: '党组织引领作用发挥明显',
      en: 'The party organisation clearly led the project',
    },
    {
      key: 'governance_outcome',
      zh: '基层治理问题得到有效解决',
      en: 'The governance problem was effectively addressed',
    },
    { key: 'cofunding', zh: '社区自筹、街道支持资金到位', en: 'Community and street co-funding arrived' },
    { key: 'records', zh: '过程资料完整规范', en: 'Process documents are complete' },
    { key: 'accounts', zh: '资金使用有票据、账目清楚', en: 'Spending is documented with receipts' },
    { key: 'sustainability', zh: '形成可持续的工作机制', en: 'A lasting working mechanism is in place' },
  ],
  volunteer: [
    {
      key: 'partner_engaged',
      zh: '高校（合作方）按协议参与',
      en: 'The university partner took part as agreed',
    },
    {
      key: 'volunteer_hours',
      zh: '志愿服务时长、人次达到目标',
      en: 'Volunteer hours and headcount reached the target',
    },
    { key: 'records', zh: '志愿服务记录、照片齐全', en: 'Volunteer records and photos are complete' },
    { key: 'accounts', zh: '资金使用有票据、账目清楚', en: 'Spending is documented with receipts' },
    { key: 'residents_satisfied', zh: '服务对象满意度良好', en: 'Beneficiaries are satisfied' },
  ],
};

/** The checklist of a project: by category key, else by competition kind, else the service list. */
export function checklistFor(categoryKey: string, competitionKind?: string): readonly ChecklistItem[] {
  if ((CHECKLIST_KINDS as readonly string[]).includes(categoryKey))
    return DEFAULT_CHECKLISTS[categoryKey as ChecklistKind];
  if (competitionKind === 'governance') return DEFAULT_CHECKLISTS.governance;
  if (competitionKind === 'volunteer') return DEFAULT_CHECKLISTS.volunteer;
  return DEFAULT_CHECKLISTS.service;
}

export const INSPECTION_OUTCOMES = ['passed', 'rectification', 'failed'] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];

/** One answer per checklist item: met or not, with an optional note. */
export type ChecklistAnswers = Record<string, { ok: boolean; note?: string | null }>;

export interface InspectionRecordInput {
  checklist: readonly ChecklistItem[];
  answers: ChecklistAnswers;
  outcome: InspectionOutcome;
  findings: string;
  /** YYYY-MM-DD; required for a rectification, after the inspection date. */
  rectificationDeadline?: string | null;
  inspectedOn: string;
}

/**
 * An inspection record is complete and coherent: every checklist item answered (and no unknown
 * one); "passed" only when every item is met; rectification and failure state their findings;
 * rectification has a deadline after the inspection day.
 */
export function checkInspectionRecord(input: InspectionRecordInput): Violation[] {
  const out: Violation[] = [];
  const keys = new Set(input.checklist.map((item) => item.key));
  for (const item of input.checklist) {
    if (!input.answers[item.key]) {
      out.push(
        violation(
          `answers.${item.key}`,
          'CHECKLIST_ITEM_MISSING',
          `请填写「${item.zh}」`,
          `Answer "${item.en}"`,
        ),
      );
    }
  }
  for (const key of Object.keys(input.answers)) {
    if (!keys.has(key))
      out.push(
        violation(
          `answers.${key}`,
          'CHECKLIST_ITEM_UNKNOWN',
          '不在验收清单中的项目',
          'Not an item of the checklist',
        ),
      );
  }
  const failedItems = input.checklist.filter(
    (item) => input.answers[item.key] && !input.answers[item.key].ok,
  );
  if (input.outcome === 'passed' && failedItems.length > 0) {
    out.push(
      violation(
        'outcome',
        'INSPECTION_PASSED_WITH_FAILURES',
        `有 ${failedItems.length} 项未达标，不能判定为验收合格`,
        `${failedItems.length} item(s) are not met: the inspection cannot pass`,
      ),
    );
  }
  if (input.outcome !== 'passed' && !input.findings.trim()) {
    out.push(
      violation(
        'findings',
        'FINDINGS_REQUIRED',
        '整改或不合格须写明发现的问题',
        'Rectification or failure needs written findings',
      ),
    );
  }
  if (input.outcome === 'rectification') {
    if (!input.rectificationDeadline) {
      out.push(
        violation(
          'rectificationDeadline',
          'RECTIFICATION_DEADLINE_REQUIRED',
          '请填写整改期限',
          'Set a rectification deadline',
        ),
      );
    } else if (input.rectificationDeadline <= input.inspectedOn) {
      out.push(
        violation(
          'rectificationDeadline',
          'RECTIFICATION_DEADLINE_INVALID',
          '整改期限须晚于检查日期',
          'The deadline must be after the inspection day',
        ),
      );
    }
  }
  return out;
}

/** Which inspection gates a competition kind's final tranche: 督导评估 for governance projects. */
export function inspectionKindFor(competitionKind: string): 'acceptance' | 'supervision' {
  return competitionKind === 'governance' ? 'supervision' : 'acceptance';
}

/**
 * 满意度测评: the three answers, the respondent groups named by seed 000 (社区干部、社区居民、
 * 社会组织), and the satisfaction of a set of answers. A survey is about one funded project, one
 * budget line (a programme such as 民生小实事) or the recipients of a stipend (through its line).
 */
import { satisfactionPercent } from './indicator-scoring.js';

export type SurveyChoice = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
export const SURVEY_CHOICES: readonly SurveyChoice[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];
export const SURVEY_CHOICE_LABELS: Record<SurveyChoice, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

export type RespondentGroup = 'community_cadre' | 'resident' | 'social_organisation';
export const RESPONDENT_GROUPS: readonly RespondentGroup[] = [
  'community_cadre',
  'resident',
  'social_organisation',
];
export const RESPONDENT_GROUP_LABELS: Record<RespondentGroup, { zh: string; en: string }> = {
  community_cadre: { zh: '社区干部', en: 'Community cadre' },
  resident: { zh: '社区居民', en: 'Resident' },
  social_organisation: { zh: '社会组织', en: 'Social organisation' },
};

/** A stipend's recipients are surveyed through the budget line that pays the stipend. */
export type SurveySubjectKind = 'project' | 'budget_line' | 'stipend_recipients';
export const SURVEY_SUBJECT_KINDS: readonly SurveySubjectKind[] = [
  'project',
  'budget_line',
  'stipend_recipients',
];

export type SurveyCounts = Record<SurveyChoice, number>;

export function emptyCounts(): SurveyCounts {
  return { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 };
}

/**
 * Satisfaction in percent: (满意 + 基本满意) ÷ answers by default, 满意 ÷ answers when a survey is
 * configured to count only 满意. Null with no answers.
 */
export function surveySatisfaction(counts: SurveyCounts, countBasicallySatisfied = true): number | null {
  return satisfactionPercent(
    {
      satisfied: counts.satisfied,
      basicallySatisfied: counts.basically_satisfied,
      dissatisfied: counts.dissatisfied,
    },
    { includeBasicallySatisfied: countBasicallySatisfied },
  );
}

/** The numerator of the satisfaction: the answers that count as satisfied. */
export function satisfiedAnswers(counts: SurveyCounts, countBasicallySatisfied = true): number {
  return counts.satisfied + (countBasicallySatisfied ? counts.basically_satisfied : 0);
}

export function totalAnswers(counts: SurveyCounts): number {
  return counts.satisfied + counts.basically_satisfied + counts.dissatisfied;
}

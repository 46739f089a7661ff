/**
 * Study and training trips (组织社区干部到先进地区学习社会治理经验): the cost estimate from the
 * district's training-cost norm table (培训费综合定额标准, per person per day by category — e.g.
 * 呈财联〔2021〕5号, entered as data), and the checks on the actual costs recorded afterwards.
 * Amounts are integer fen; dates are 'YYYY-MM-DD' calendar dates, both ends counted.
 */
import { daysBetween, isIsoDate } from '../stipends/calendar-date.js';
import type { Violation } from '../violation.js';

export interface TrainingNormItem {
  /** Stable key, e.g. 'class_1'. */
  category: string;
  label: string;
  perPersonPerDayFen: number;
}

export interface TripEstimateInput {
  startDate: string;
  endDate: string;
  /** People whose costs the norm covers (participants and accompanying staff). */
  headcount: number;
  /** The norm's rate for the trip's category. */
  perPersonPerDayFen: number;
  /** Inter-city travel (城市间交通费) is outside the training norm: an estimate per person, if any. */
  travelPerPersonFen?: number;
}

export interface TripEstimate {
  days: number;
  headcount: number;
  perPersonPerDayFen: number;
  /** headcount × days × rate. */
  normFen: number;
  travelFen: number;
  totalFen: number;
}

/** Calendar days from start to end, both counted (a trip from the 10th to the 12th is 3 days). */
export function tripDays(startDate: string, endDate: string): number {
  if (!isIsoDate(startDate) || !isIsoDate(endDate) || endDate < startDate) return 0;
  return daysBetween(startDate, endDate) + 1;
}

const positiveFen = (value: number) => Number.isSafeInteger(value) && value > 0;

export function validateTripEstimateInput(input: TripEstimateInput): Violation[] {
  const problems: Violation[] = [];
  if (!isIsoDate(input.startDate))
    problems.push({ field: 'startDate', code: 'invalid_date', zh: '开始日期无效', en: 'The start date is not valid' });
  if (!isIsoDate(input.endDate))
    problems.push({ field: 'endDate', code: 'invalid_date', zh: '结束日期无效', en: 'The end date is not valid' });
  else if (isIsoDate(input.startDate) && input.endDate < input.startDate)
    problems.push({
      field: 'endDate',
      code: 'end_before_start',
      zh: '结束日期早于开始日期',
      en: 'The end date is before the start date',
    });
  else if (tripDays(input.startDate, input.endDate) > 30)
    problems.push({
      field: 'endDate',
      code: 'too_long',
      zh: '一次学习考察不超过30天',
      en: 'A study trip lasts at most 30 days',
    });
  if (!Number.isSafeInteger(input.headcount) || input.headcount < 1)
    problems.push({
      field: 'participants',
      code: 'no_participants',
      zh: '请至少添加一名参加人员',
      en: 'Add at least one participant',
    });
  if (!positiveFen(input.perPersonPerDayFen))
    problems.push({
      field: 'category',
      code: 'no_rate',
      zh: '定额标准中没有该类别的标准',
      en: 'The norm table has no rate for this category',
    });
  const travel = input.travelPerPersonFen ?? 0;
  if (!Number.isSafeInteger(travel) || travel < 0)
    problems.push({
      field: 'travelPerPersonFen',
      code: 'invalid_amount',
      zh: '人均城市间交通费应为不小于0的整数（分）',
      en: 'The travel cost per person must be zero or a positive whole number of fen',
    });
  return problems;
}

/** The estimate, or the violations that prevent it. */
export function estimateTripCost(
  input: TripEstimateInput,
): { ok: true; estimate: TripEstimate } | { ok: false; violations: Violation[] } {
  const violations = validateTripEstimateInput(input);
  if (violations.length) return { ok: false, violations };
  const days = tripDays(input.startDate, input.endDate);
  const normFen = input.headcount * days * input.perPersonPerDayFen;
  const travelFen = input.headcount * (input.travelPerPersonFen ?? 0);
  const totalFen = normFen + travelFen;
  if (!Number.isSafeInteger(totalFen))
    return {
      ok: false,
      violations: [{ field: 'participants', code: 'too_large', zh: '金额过大', en: 'The amount is too large' }],
    };
  return {
    ok: true,
    estimate: {
      days,
      headcount: input.headcount,
      perPersonPerDayFen: input.perPersonPerDayFen,
      normFen,
      travelFen,
      totalFen,
    },
  };
}

/** Kinds of actual cost recorded after a trip (the norm's components plus inter-city travel). */
export const TRIP_COST_KINDS = ['accommodation', 'meals', 'venue', 'materials', 'local_transport', 'travel', 'other'] as const;
export type TripCostKind = (typeof TRIP_COST_KINDS)[number];

export const TRIP_COST_KIND_LABELS: Record<TripCostKind, { zh: string; en: string }> = {
  accommodation: { zh: '住宿费', en: 'Accommodation' },
  meals: { zh: '伙食费', en: 'Meals' },
  venue: { zh: '场地及教学费', en: 'Venue and teaching' },
  materials: { zh: '资料费', en: 'Materials' },
  local_transport: { zh: '市内交通费', en: 'Local transport' },
  travel: { zh: '城市间交通费', en: 'Inter-city travel' },
  other: { zh: '其他费用', en: 'Other' },
};

export interface ActualCostItem {
  kind: TripCostKind;
  amountFen: number;
}

/**
 * The actual costs: each a positive amount. The training part (everything but inter-city travel)
 * may not exceed the norm for the people who actually attended — the norm is a ceiling.
 */
export function checkActualCosts(
  items: readonly ActualCostItem[],
  ceiling: { attended: number; days: number; perPersonPerDayFen: number },
): { totalFen: number; trainingFen: number; normCeilingFen: number; violations: Violation[] } {
  const violations: Violation[] = [];
  if (items.length === 0)
    violations.push({ field: 'items', code: 'required', zh: '请填写实际费用', en: 'Enter the actual costs' });
  items.forEach((item, index) => {
    if (!positiveFen(item.amountFen))
      violations.push({
        field: `items.${index}.amountFen`,
        code: 'invalid_amount',
        zh: '金额应为大于0的整数（分）',
        en: 'The amount must be a positive whole number of fen',
      });
  });
  const totalFen = items.reduce((sum, item) => sum + (positiveFen(item.amountFen) ? item.amountFen : 0), 0);
  const trainingFen = items
    .filter((item) => item.kind !== 'travel')
    .reduce((sum, item) => sum + (positiveFen(item.amountFen) ? item.amountFen : 0), 0);
  const normCeilingFen = ceiling.attended * ceiling.days * ceiling.perPersonPerDayFen;
  if (ceiling.attended < 1)
    violations.push({
      field: 'attendance',
      code: 'no_attendance',
      zh: '请先登记实际参加人员',
      en: 'Record who attended first',
    });
  else if (trainingFen > normCeilingFen)
    violations.push({
      field: 'items',
      code: 'over_norm',
      zh: `培训费（不含城市间交通费）${(trainingFen / 100).toFixed(2)} 元超过定额上限 ${(normCeilingFen / 100).toFixed(2)} 元（${ceiling.attended}人×${ceiling.days}天）`,
      en: `Training costs (without inter-city travel) of ${(trainingFen / 100).toFixed(2)} yuan exceed the norm ceiling of ${(normCeilingFen / 100).toFixed(2)} yuan (${ceiling.attended} people × ${ceiling.days} days)`,
    });
  return { totalFen, trainingFen, normCeilingFen, violations };
}

/**
 * DEMO DATA ONLY: 呈财联〔2021〕5号 sets the district's training-cost norms, but the seeds do not
 * print its figures. These illustrative rates (演示) are what the demo estimates from; a district
 * enters the real table as a new version.
 */
export const DEMO_TRAINING_NORMS: readonly TrainingNormItem[] = [
  { category: 'class_1', label: '一类培训（演示）', perPersonPerDayFen: 50_000 },
  { category: 'class_2', label: '二类培训（演示）', perPersonPerDayFen: 40_000 },
  { category: 'class_3', label: '三类培训（演示）', perPersonPerDayFen: 30_000 },
];

/**
 * DEMO DATA — the satisfaction surveys and the performance self-evaluation of the demo year:
 * - the two open demo surveys of the base (one per target table) are answered through the public
 *   answer path (`/s/<code>`: a respondent token, then the answer), by community cadres, residents
 *   and social organisations for the 民生小实事 programmes, and by the retirees for the living
 *   subsidy, from mid-October to 2 December, each respondent from an address of their own;
 * - the district enters the two hand-reported indicators (社会效益, 维护社会稳定) with a PDF as
 *   evidence, and drafts its 偏差原因 for what is below target on 3 December;
 * - three streets write their notes on the first table and submit their part, two of which the
 *   district has approved.
 * Every text is marked （演示）.
 */
import { SurveyAnswerRequest, type RespondentGroupKey, type SurveyChoiceKey } from '@xiaoshi/contracts';
import type { Actor } from '../../common/actor.js';
import { ActualValuesService } from '../../modules/performance/actual-values.service.js';
import { SelfEvaluationService } from '../../modules/performance/self-evaluation.service.js';
import { StreetReportsService } from '../../modules/performance/street-reports.service.js';
import { SurveyAnswersService } from '../../modules/surveys/survey-answers.service.js';
import { demoPdf, upload } from '../demo-files.js';
import type { SeedContext } from '../seed-context.js';
import type { StoryClock } from '../story-clock.js';
import { random } from './story-data.js';

const SURVEYS = [
  {
    title: '2026年民生小实事项目满意度测评（演示）',
    days: [
      '2026-10-16',
      '2026-10-23',
      '2026-10-30',
      '2026-11-06',
      '2026-11-13',
      '2026-11-20',
      '2026-11-27',
      '2026-12-02',
    ],
    perDay: 8,
    groups: ['community_cadre', 'resident', 'resident', 'resident', 'social_organisation'] as const,
    comments: [
      '楼道灯亮了，晚上出门方便多了。（演示）',
      '希望明年继续做，覆盖更多小区。（演示）',
      '项目公示清楚，居民都参与了议事。（演示）',
      '施工期间有些噪音，总体满意。（演示）',
      '四点半课堂解决了我们双职工的大难题。（演示）',
    ],
  },
  {
    title: '2026年正常离任社区干部生活补助满意度测评（演示）',
    days: ['2026-10-20', '2026-10-27', '2026-11-10', '2026-11-24'],
    perDay: 8,
    groups: ['community_cadre'] as const,
    comments: ['补贴按时发放，感谢组织关心。（演示）', '希望发放后能短信通知一下。（演示）'],
  },
] as const;

export interface SurveysOutcome {
  answers: number;
  manualValues: number;
  streetReports: number;
}

export async function runSurveys(context: SeedContext, clock: StoryClock): Promise<SurveysOutcome> {
  const answers = context.get(SurveyAnswersService);
  const outcome: SurveysOutcome = { answers: 0, manualValues: 0, streetReports: 0 };
  for (const [surveyIndex, seed] of SURVEYS.entries()) {
    const [survey]: Array<{ code: string }> = await context.dataSource.query(
      `SELECT code FROM survey WHERE title = $1`,
      [seed.title],
    );
    if (!survey) throw new Error(`the demo survey ${seed.title} is missing`);
    const rand = random(9_100 + surveyIndex);
    let respondent = 0;
    for (const [dayIndex, day] of seed.days.entries()) {
      await clock.step(`${day} ${19 + (dayIndex % 3)}:30`, async (now) => {
        for (let n = 0; n < seed.perDay; n += 1) {
          respondent += 1;
          const roll = rand();
          const choice: SurveyChoiceKey =
            roll < 0.84 ? 'satisfied' : roll < 0.96 ? 'basically_satisfied' : 'dissatisfied';
          const group: RespondentGroupKey = seed.groups[Math.floor(rand() * seed.groups.length)];
          const comment = rand() < 0.2 ? seed.comments[Math.floor(rand() * seed.comments.length)] : '';
          // Each respondent answers from a phone of their own (the service counts answers per address).
          const actor: Actor = {
            user: null,
            requestId: `seed:survey:${surveyIndex}:${respondent}`,
            ip: `10.${20 + surveyIndex}.${Math.floor(respondent / 200)}.${respondent % 200}`,
          };
          const { token } = await answers.issueToken(survey.code, now);
          await answers.answer(
            survey.code,
            SurveyAnswerRequest.parse({ token, choice, group, comment }),
            actor,
            now,
          );
          outcome.answers += 1;
        }
      });
    }
  }
  await selfEvaluation(context, clock, outcome);
  return outcome;
}

/** The hand-reported indicators, the district's draft reasons and the streets' reports. */
async function selfEvaluation(
  context: SeedContext,
  clock: StoryClock,
  outcome: SurveysOutcome,
): Promise<void> {
  const actuals = context.get(ActualValuesService);
  const evaluations = context.get(SelfEvaluationService);
  const streetReports = context.get(StreetReportsService);
  const admin = await context.actor('admin');
  const tables: Array<{ id: number; name: string }> = await context.dataSource.query(
    `SELECT id, name FROM performance_table WHERE year = 2026 ORDER BY id`,
  );
  const manual: Record<string, { value: number; note: string; file: string }> = {
    'social-benefit': {
      value: 98.5,
      note: '据各街道报送的社区治理和志愿服务台账统计，社会效益目标基本实现。（演示）',
      file: '2026年社会效益佐证材料（演示）.pdf',
    },
    stability: {
      value: 100,
      note: '全年未发生因离任社区干部待遇问题引发的信访事件。（演示）',
      file: '2026年维护社会稳定情况说明（演示）.pdf',
    },
  };
  for (const table of tables) {
    const view = await evaluations.view(admin.user, table.id);
    for (const row of view.rows) {
      const entry = manual[row.key];
      if (!entry || row.source !== 'manual') continue;
      await clock.step('2026-11-30 15:00', async () => {
        const evidence = await actuals.uploadEvidence(
          admin,
          table.id,
          upload(entry.file, demoPdf(`evidence ${row.key}`)),
        );
        await actuals.enterManualValue(admin, table.id, {
          indicatorKey: row.key,
          value: entry.value,
          band: null,
          bandFraction: null,
          note: entry.note,
          evidenceId: evidence.id,
        });
        outcome.manualValues += 1;
      });
    }
  }
  // The first table (seed 000): three streets report their part; the district approves two.
  const [first] = tables;
  if (!first) return;
  const short = (await evaluations.view(admin.user, first.id)).rows
    .filter((row) => row.needsReason)
    .map((row) => row.key);
  const submitted: number[] = [];
  for (const [index, username] of ['longcheng', 'dounan', 'wulong'].entries()) {
    const street = await context.actor(username);
    await clock.step(`2026-12-0${1 + (index % 2)} ${10 + index}:20`, async () => {
      if (short.length) {
        await streetReports.saveNotes(street, first.id, {
          reasons: short.map((key) => ({
            indicatorKey: key,
            text: `${street.user.unit.name}部分项目尚在验收和拨付中，年底前完成后可达到目标。（演示）`,
          })),
        });
      }
      const view = await streetReports.submit(street, first.id);
      const own = view.streetReports.find((report) => report.street.id === street.user.unit.id);
      if (own) submitted.push(own.id);
      outcome.streetReports += 1;
    });
  }
  await clock.step('2026-12-02 16:40', async () => {
    for (const id of submitted.slice(0, 2)) await streetReports.auditReport(admin, id, { approve: true });
    if (short.length) {
      await evaluations.saveReasons(admin, first.id, {
        reasons: short.map((key) => ({
          indicatorKey: key,
          text: '部分项目12月完成验收和尾款拨付，年度终了前将继续跟踪，确保目标完成。（草稿，演示）',
        })),
      });
    }
  });
}

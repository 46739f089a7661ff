/**
 * DEMO DATA — the demo year's three 2026 calls, from the call to the approval (立项), through the
 * services users call:
 * - late February the district opens the calls (spring submission windows, review in May–June);
 * - March–April every street submits its entries (≥ its minimum), some drafted by 龙街社区 and sent
 *   up through the street; one is withdrawn;
 * - May the district screens them: most eligible, some returned and resubmitted, a few ineligible;
 * - May–June a panel of six reviews them, conflict-free (the service assigns), sheet by sheet;
 * - June the committee takes the rank-order answer of each call, within its envelope and caps;
 * - June–July each decision is published for 5 working days (公示); the party-building notice
 *   receives an objection that is upheld (one award withdrawn), the livelihood notice one that is
 *   dismissed; at the end of each notice the awards are approved and committed on the ledger, and
 *   the projects open.
 */
import { CreateApplicationRequest, type ApplicationView } from '@xiaoshi/contracts';
import { ApplicationDraftsService } from '../../modules/applications/application-drafts.service.js';
import { ApplicationWorkflowService } from '../../modules/applications/application-workflow.service.js';
import { ApplicationsService } from '../../modules/applications/applications.service.js';
import { AttachmentsService } from '../../modules/applications/attachments.service.js';
import { DecisionsService } from '../../modules/awards/decisions.service.js';
import { NoticesService } from '../../modules/awards/notices.service.js';
import { ObjectionsService } from '../../modules/awards/objections.service.js';
import { SelectionService } from '../../modules/awards/selection.service.js';
import { CompetitionsService } from '../../modules/competitions/competitions.service.js';
import { ProjectsService } from '../../modules/delivery/projects.service.js';
import { ReviewAssignmentService } from '../../modules/reviews/review-assignment.service.js';
import { ReviewPanelsService } from '../../modules/reviews/review-panels.service.js';
import { ScoreSheetsService } from '../../modules/reviews/score-sheets.service.js';
import { DEMO_YEAR_USERS, STREET_OFFICERS } from '../demo-org-units.js';
import { demoPdf, demoPng, upload } from '../demo-files.js';
import type { SeedContext } from '../seed-context.js';
import type { StoryClock } from '../story-clock.js';
import { contactName, fundingOf, random, type ApplicationSpec, type CallKey } from './story-data.js';

export const NOTICE_CONTACT = '呈贡区委社会工作部 0871-00000000（演示）';

export interface AwardedProject {
  call: CallKey;
  spec: ApplicationSpec;
  applicationId: number;
  projectId: number;
  amountFen: number;
}

export interface CallsOutcome {
  competitions: Record<CallKey, number>;
  applications: number;
  sheets: number;
  awarded: AwardedProject[];
}

const KIND: Record<CallKey, string> = { livelihood: 'livelihood', governance: 'governance', volunteer: 'volunteer' };

/** The calendar of each call (Asia/Shanghai). */
const CALENDAR: Record<
  CallKey,
  {
    opens: string;
    closes: string;
    reviewOpens: string;
    reviewCloses: string;
    deadline: string;
    screening: string;
    resubmission: string;
    rescreening: string;
    panel: string;
    assignment: string;
    sheetDays: readonly string[];
    decision: string;
    publish: string;
    objection: string | null;
    objectionDecided: string | null;
    close: string;
  }
> = {
  governance: {
    opens: '2026-03-02T09:00:00+08:00',
    closes: '2026-04-30T18:00:00+08:00',
    reviewOpens: '2026-05-18T09:00:00+08:00',
    reviewCloses: '2026-06-12T18:00:00+08:00',
    deadline: '2026-10-31',
    screening: '2026-05-07 10:30',
    resubmission: '2026-05-11 16:00',
    rescreening: '2026-05-13 10:00',
    panel: '2026-05-14 15:00',
    assignment: '2026-05-18 09:30',
    sheetDays: ['2026-05-22 16:00', '2026-05-29 17:00', '2026-06-05 15:30'],
    decision: '2026-06-16 10:00',
    publish: '2026-06-22 09:00',
    objection: '2026-06-24 20:15',
    objectionDecided: '2026-06-26 16:30',
    close: '2026-06-29 09:30',
  },
  livelihood: {
    opens: '2026-03-02T09:00:00+08:00',
    closes: '2026-04-30T18:00:00+08:00',
    reviewOpens: '2026-05-18T09:00:00+08:00',
    reviewCloses: '2026-06-12T18:00:00+08:00',
    deadline: '2026-11-30',
    screening: '2026-05-06 10:00',
    resubmission: '2026-05-11 15:00',
    rescreening: '2026-05-13 11:00',
    panel: '2026-05-14 15:30',
    assignment: '2026-05-18 10:00',
    sheetDays: ['2026-05-26 16:00', '2026-06-02 17:30', '2026-06-09 15:00'],
    decision: '2026-06-18 10:00',
    publish: '2026-06-29 09:00',
    objection: '2026-07-01 11:40',
    objectionDecided: '2026-07-03 17:00',
    close: '2026-07-06 09:30',
  },
  volunteer: {
    opens: '2026-03-09T09:00:00+08:00',
    closes: '2026-05-15T18:00:00+08:00',
    reviewOpens: '2026-05-25T09:00:00+08:00',
    reviewCloses: '2026-06-19T18:00:00+08:00',
    deadline: '2026-11-30',
    screening: '2026-05-19 10:00',
    resubmission: '2026-05-21 15:00',
    rescreening: '2026-05-22 10:00',
    panel: '2026-05-22 15:00',
    assignment: '2026-05-25 10:00',
    sheetDays: ['2026-06-03 16:00', '2026-06-10 16:30', '2026-06-16 15:00'],
    decision: '2026-06-24 10:00',
    publish: '2026-07-06 09:00',
    objection: null,
    objectionDecided: null,
    close: '2026-07-13 09:30',
  },
};

const REQUIRED_FILES: Record<string, (spec: ApplicationSpec, index: number) => { name: string; bytes: Buffer }> = {
  council_resolution: (spec) => ({ name: '居民议事会决议（演示）.pdf', bytes: demoPdf(`council resolution ${spec.key}`) }),
  budget_sheet: (spec) => ({ name: '项目预算表（演示）.pdf', bytes: demoPdf(`budget sheet ${spec.key}`) }),
  site_photos: (_spec, index) => ({ name: '项目现场照片（演示）.png', bytes: demoPng(index, 5) }),
  partner_agreement: (spec) => ({ name: '社区与高校合作协议（演示）.pdf', bytes: demoPdf(`partner agreement ${spec.key}`) }),
};

const RETURN_REASON = '居民议事会决议缺少参会居民签字页，预算表未注明居民出资明细，请补充后重新报送。';
const INELIGIBLE_REASON: Record<CallKey, string> = {
  livelihood: '申报内容属于社区日常运转和办公经费支出，不符合民生小实事项目申报范围。',
  governance: '项目无社区自筹和街道支持资金安排的书面承诺，不符合“社区自筹、街道支持、区级比选”原则。',
  volunteer: '合作协议未经高校盖章确认，且活动方案与社区需求调查不符。',
};

const shanghaiDay = (iso: string, days: number, time: string) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return `${date.toISOString().slice(0, 10)} ${time}`;
};

export async function runCalls(context: SeedContext, clock: StoryClock, specs: ApplicationSpec[]): Promise<CallsOutcome> {
  const competitions = await openCalls(context, clock);
  const ids = await submitEntries(context, clock, specs, competitions);
  await screenEntries(context, clock, specs, ids);
  const quality = new Map(specs.filter((spec) => ids.has(spec.key)).map((spec) => [ids.get(spec.key)!, spec.quality]));
  const sheets = await reviewEntries(context, clock, competitions, quality);
  const awarded: AwardedProject[] = [];
  for (const call of ['governance', 'livelihood', 'volunteer'] as const) {
    awarded.push(...(await decide(context, clock, call, competitions[call], specs, ids)));
  }
  return { competitions, applications: ids.size, sheets, awarded };
}

/** Late February: the district sets the calls' spring calendar. */
async function openCalls(context: SeedContext, clock: StoryClock): Promise<Record<CallKey, number>> {
  const service = context.get(CompetitionsService);
  const admin = await context.actor('admin');
  const listed = await service.list(admin.user, { year: 2026 });
  const ids = {} as Record<CallKey, number>;
  for (const call of ['livelihood', 'governance', 'volunteer'] as const) {
    const competition = listed.find((row) => row.kind === KIND[call]);
    if (!competition) throw new Error(`the seed's ${call} call is missing`);
    const calendar = CALENDAR[call];
    await clock.step('2026-02-27 16:00', () =>
      service.update(admin, competition.id, {
        version: competition.version,
        submissionOpensAt: calendar.opens,
        submissionClosesAt: calendar.closes,
        reviewOpensAt: calendar.reviewOpens,
        reviewClosesAt: calendar.reviewCloses,
        implementationDeadline: calendar.deadline,
      }),
    );
    ids[call] = competition.id;
  }
  return ids;
}

async function categoryIds(context: SeedContext, competitionId: number): Promise<Map<string, number>> {
  const rows: Array<{ id: number; key: string }> = await context.dataSource.query(
    `SELECT id, key FROM competition_category WHERE competition_id = $1`,
    [competitionId],
  );
  return new Map(rows.map((row) => [row.key, row.id]));
}

/** March–May: drafts with their attachments, then the street's submission a few days later. */
async function submitEntries(
  context: SeedContext,
  clock: StoryClock,
  specs: ApplicationSpec[],
  competitions: Record<CallKey, number>,
): Promise<Map<string, number>> {
  const drafts = context.get(ApplicationDraftsService);
  const workflow = context.get(ApplicationWorkflowService);
  const attachments = context.get(AttachmentsService);
  const applications = context.get(ApplicationsService);
  const units: Array<{ id: number; name: string; code: string }> = await context.dataSource.query(
    `SELECT id, name, code FROM org_unit WHERE kind IN ('community', 'organisation')`,
  );
  const unitId = (name: string) => units.find((unit) => unit.name === name || unit.code === name)!.id;
  const categories = {
    livelihood: await categoryIds(context, competitions.livelihood),
    governance: await categoryIds(context, competitions.governance),
    volunteer: await categoryIds(context, competitions.volunteer),
  };
  const required: Record<CallKey, string[]> = {
    livelihood: ['council_resolution', 'budget_sheet', 'site_photos'],
    governance: ['council_resolution', 'budget_sheet'],
    volunteer: ['partner_agreement', 'budget_sheet'],
  };
  const ids = new Map<string, number>();
  const views = new Map<string, ApplicationView>();
  const byDay = new Map<string, ApplicationSpec[]>();
  for (const spec of specs) byDay.set(spec.draftedOn, [...(byDay.get(spec.draftedOn) ?? []), spec]);
  const days = [...byDay.keys()].sort();
  let counter = 0;
  for (const day of days) {
    const todays = byDay.get(day)!;
    await clock.step(`${day} 10:00`, async (now) => {
      for (const spec of todays) {
        counter += 1;
        const author = await context.actor(spec.byCommunity ? 'community' : STREET_OFFICERS[spec.streetCode]);
        const { funding, totalCostFen, costItems } = fundingOf(spec);
        const category = spec.call === 'livelihood' ? spec.theme.category : spec.call === 'governance' ? 'governance' : 'volunteer';
        const created = await drafts.create(
          author,
          CreateApplicationRequest.parse({
            competitionId: competitions[spec.call],
            communityId: unitId(spec.community),
            categoryId: categories[spec.call].get(category)!,
            partnerOrgId: spec.partner ? unitId(spec.partner) : null,
            title: spec.title,
            summary: spec.theme.summary,
            plan: spec.theme.plan,
            location: `${spec.community}（演示）`,
            beneficiariesCount: spec.beneficiaries,
            beneficiariesDescription: spec.theme.beneficiaries,
            startDate: spec.call === 'governance' ? '2026-07-06' : '2026-07-15',
            endDate: spec.call === 'governance' ? '2026-10-20' : '2026-11-20',
            totalCostFen,
            costItems,
            funding,
            contactName: contactName(counter),
            contactPhone: `1398710${String(2000 + counter).padStart(4, '0')}`,
          }),
        );
        for (const type of required[spec.call]) {
          const file = REQUIRED_FILES[type](spec, counter);
          await attachments.upload(author, created.id, { type, ...upload(file.name, file.bytes) });
        }
        ids.set(spec.key, created.id);
        let view = await applications.get(author.user, created.id);
        if (spec.byCommunity) {
          view = await workflow.transition(author, created.id, 'submit_to_street', { version: view.version }, now);
        }
        views.set(spec.key, view);
      }
    });
    // The street sends them to the district two days later.
    await clock.step(shanghaiDay(day, 2, '15:30'), async (now) => {
      for (const spec of todays) {
        const street = await context.actor(STREET_OFFICERS[spec.streetCode]);
        const view = views.get(spec.key)!;
        views.set(spec.key, await workflow.transition(street, view.id, 'submit', { version: view.version }, now));
      }
    });
  }
  // One entry is withdrawn before screening: the community will fold it into next year's plan.
  for (const spec of specs.filter((entry) => entry.fate === 'withdrawn')) {
    const street = await context.actor(STREET_OFFICERS[spec.streetCode]);
    await clock.step('2026-04-29 11:00', (now) =>
      workflow.transition(
        street,
        ids.get(spec.key)!,
        'withdraw',
        { version: views.get(spec.key)!.version, reason: '社区决定将该项目并入明年统筹实施（演示）' },
        now,
      ),
    );
  }
  return ids;
}

/** May: 形式审查. Returned entries come back repaired before the review starts. */
async function screenEntries(
  context: SeedContext,
  clock: StoryClock,
  specs: ApplicationSpec[],
  ids: Map<string, number>,
): Promise<void> {
  const workflow = context.get(ApplicationWorkflowService);
  const applications = context.get(ApplicationsService);
  const drafts = context.get(ApplicationDraftsService);
  const attachments = context.get(AttachmentsService);
  const admin = await context.actor('admin');
  for (const call of ['livelihood', 'governance', 'volunteer'] as const) {
    const calendar = CALENDAR[call];
    const entries = specs.filter((spec) => spec.call === call && spec.fate !== 'withdrawn');
    await clock.step(calendar.screening, async (now) => {
      for (const spec of entries) {
        const id = ids.get(spec.key)!;
        const { version } = await applications.get(admin.user, id);
        if (spec.fate === 'returned') {
          await workflow.transition(admin, id, 'screen_return', { version, reason: RETURN_REASON }, now);
        } else if (spec.fate === 'ineligible') {
          await workflow.transition(admin, id, 'screen_ineligible', { version, reason: INELIGIBLE_REASON[call] }, now);
        } else {
          await workflow.transition(admin, id, 'screen_eligible', { version }, now);
        }
      }
    });
    const returned = entries.filter((spec) => spec.fate === 'returned');
    await clock.step(calendar.resubmission, async (now) => {
      for (const spec of returned) {
        const street = await context.actor(STREET_OFFICERS[spec.streetCode]);
        const id = ids.get(spec.key)!;
        const current = await applications.get(street.user, id);
        await drafts.update(street, id, {
          version: current.version,
          summary: `${spec.theme.summary}已按形式审查意见补充议事会签字页和居民出资明细。`,
        });
        await attachments.upload(street, id, {
          type: 'council_resolution',
          ...upload('居民议事会决议（补充签字页，演示）.pdf', demoPdf(`signatures ${spec.key}`)),
        });
        const fresh = await applications.get(street.user, id);
        await workflow.transition(street, id, 'submit', { version: fresh.version }, now);
      }
    });
    await clock.step(calendar.rescreening, async (now) => {
      for (const spec of returned) {
        const id = ids.get(spec.key)!;
        const { version } = await applications.get(admin.user, id);
        await workflow.transition(admin, id, 'screen_eligible', { version }, now);
      }
    });
  }
}

/** Scores of one sheet: the entry's quality, the reviewer's own hand, a little noise. */
function scoresFor(
  rubric: Array<{ key: string; maxPoints: number }>,
  quality: number,
  reviewerIndex: number,
  next: () => number,
): Record<string, number> {
  const bias = ((reviewerIndex % 5) - 2) * 0.015;
  return Object.fromEntries(
    rubric.map((criterion) => {
      const share = Math.min(1, Math.max(0.3, 0.5 + 0.45 * quality + bias + (next() - 0.5) * 0.1));
      return [criterion.key, Math.round(criterion.maxPoints * share)];
    }),
  );
}

const COMMENTS = [
  '群众关注度高，居民出资意愿强（演示）',
  '实施方案具体，预算编制较合理（演示）',
  '建议细化后期维护机制（演示）',
  '受益面较广，建议加强过程公开（演示）',
];

/** May–June: the panels, the conflict-free assignment and every sheet scored and submitted. */
async function reviewEntries(
  context: SeedContext,
  clock: StoryClock,
  competitions: Record<CallKey, number>,
  quality: ReadonlyMap<number, number>,
): Promise<number> {
  const panels = context.get(ReviewPanelsService);
  const assigning = context.get(ReviewAssignmentService);
  const sheets = context.get(ScoreSheetsService);
  const competitionsService = context.get(CompetitionsService);
  const admin = await context.actor('admin');
  const reviewerNames = ['reviewer', ...DEMO_YEAR_USERS.filter((user) => user.roles[0] === 'reviewer').map((user) => user.username)];
  const reviewers = await Promise.all(reviewerNames.map((name) => context.actor(name)));
  const next = random(20_260_518);
  let count = 0;
  for (const call of ['livelihood', 'governance', 'volunteer'] as const) {
    const calendar = CALENDAR[call];
    const competitionId = competitions[call];
    const perApplication = call === 'governance' ? 5 : 3;
    await clock.step(calendar.panel, () =>
      panels.setPanel(admin, competitionId, {
        memberUserIds: reviewers.map((reviewer) => reviewer.user.id),
        chairUserId: reviewers[1].user.id,
        reviewersPerApplication: perApplication,
        maxLoad: call === 'livelihood' ? 30 : 20,
        blind: false,
        aggregation: call === 'governance' ? 'trimmed_mean' : 'mean',
        fundableThreshold: 60,
        disagreementSpread: 25,
        commentRequiredAtExtremes: false,
        rankByCategory: false,
      }),
    );
    await clock.step(calendar.assignment, () => assigning.autoAssign(admin, competitionId, {}));
    const competition = await competitionsService.get(admin.user, competitionId);
    const assignments = await assigning.assignments(admin.user, competitionId);
    for (const [dayIndex, day] of calendar.sheetDays.entries()) {
      await clock.step(day, async () => {
        for (const assignment of assignments) {
          const reviewerIndex = reviewers.findIndex((reviewer) => reviewer.user.id === assignment.reviewerUserId);
          if ((assignment.applicationId + reviewerIndex) % calendar.sheetDays.length !== dayIndex) continue;
          const reviewer = reviewers[reviewerIndex];
          const level = quality.get(assignment.applicationId) ?? 0.5;
          const scores = scoresFor(competition.rubric, level, reviewerIndex, next);
          const comment = count % 7 === 0 ? { [competition.rubric[0].key]: COMMENTS[count % COMMENTS.length] } : {};
          const saved = await sheets.saveDraft(reviewer, assignment.assignmentId, { scores, comments: comment });
          await sheets.submitSheet(reviewer, assignment.assignmentId, saved.sheet.version!);
          count += 1;
        }
      });
    }
  }
  return count;
}

const OBJECTIONS: Partial<Record<CallKey, { community: string; text: string; outcome: 'upheld' | 'dismissed'; investigation: string }>> = {
  governance: {
    community: '梅子社区',
    text: '反映该项目申报材料中的居民议事会决议存在他人代签情况，议事过程未按规定公示。（演示）',
    outcome: 'upheld',
    investigation:
      '经街道、社区联合核实，议事会决议中有7名居民签名系他人代签，议事结果未在社区公示栏公示，异议成立，撤销该项目拟立项。（演示）',
  },
  livelihood: {
    community: '斗南社区',
    text: '认为该项目预算偏高，课堂场地为社区现有用房，不应列支场地布置费用。（演示）',
    outcome: 'dismissed',
    investigation:
      '经核实，项目预算按三家询价编制，场地布置费用为学习桌椅和安全设施，未列支房租；预算合理，异议不成立，已向异议人当面反馈。（演示）',
  },
};

/** June–July: the decision, its 公示 (with an objection where there is one) and the approval. */
async function decide(
  context: SeedContext,
  clock: StoryClock,
  call: CallKey,
  competitionId: number,
  specs: ApplicationSpec[],
  ids: Map<string, number>,
): Promise<AwardedProject[]> {
  const selection = context.get(SelectionService);
  const decisions = context.get(DecisionsService);
  const notices = context.get(NoticesService);
  const objections = context.get(ObjectionsService);
  const projects = context.get(ProjectsService);
  const admin = await context.actor('admin');
  const calendar = CALENDAR[call];
  const decision = await clock.step(calendar.decision, async () => {
    const answer = await selection.selection(admin.user, competitionId, {});
    const awards = answer.rankOrder.awards.map((award) => ({ applicationId: award.applicationId, amountFen: award.amount }));
    return decisions.decide(admin, competitionId, { method: 'rank_order', awards, reasons: {} });
  });
  const notice = await clock.step(calendar.publish, (now) =>
    notices.publish(
      admin,
      decision.id,
      { contact: NOTICE_CONTACT, title: `${titleOf(call)}拟立项项目公示（演示）` },
      now,
    ),
  );
  const objection = OBJECTIONS[call];
  if (objection && calendar.objection && calendar.objectionDecided) {
    const award = decision.awards.find((entry) => entry.community === objection.community) ?? decision.awards[0];
    const filed = await clock.step(calendar.objection, (now) =>
      objections.fileObjection(
        notice.id,
        { awardId: award.id, contactName: '居民（演示）', contactPhone: '13700001234', text: objection.text },
        { user: null, requestId: 'seed:public', ip: '10.26.6.24' },
        now,
      ),
    );
    await clock.step(calendar.objectionDecided, () =>
      objections.decideObjection(admin, filed.id, { outcome: objection.outcome, investigation: objection.investigation }),
    );
  }
  await clock.step(calendar.close, (now) => notices.close(admin, notice.id, now));
  const approved = (await decisions.decision(admin.user, decision.id)).awards.filter((award) => award.status === 'approved');
  const byId = new Map(specs.filter((spec) => ids.has(spec.key)).map((spec) => [ids.get(spec.key)!, spec]));
  const out: AwardedProject[] = [];
  for (const award of approved) {
    const project = await projects.ofApplication(admin.user, award.applicationId);
    out.push({ call, spec: byId.get(award.applicationId)!, applicationId: award.applicationId, projectId: project.id, amountFen: award.amountFen });
  }
  return out;
}

function titleOf(call: CallKey): string {
  return {
    livelihood: '2026年度呈贡区民生小实事项目',
    governance: '2026年党建引领基层治理项目',
    volunteer: '2026年社区+高校志愿者服务项目',
  }[call];
}

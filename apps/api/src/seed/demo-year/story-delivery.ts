/**
 * DEMO DATA — the delivery of the demo year's 15 projects (立项 → 验收 → 拨付), through the services
 * users call, on the dates of the story:
 * - a few days after opening, each street sets its project's milestones;
 * - every month the street reports progress with site photos (the September report is the
 *   mid-term report), the last one with the milestones ticked off;
 * - finance requests the 30% advance of each project in July, a second finance officer (checker)
 *   approves it and finance records it paid (maker–checker);
 * - the party-building projects end in October and go to supervision (督导评估) in November: three
 *   pass, one is sent to rectification, rectified and passed on its second round; the livelihood
 *   and volunteering projects end on 20 November, and on 3 December they are spread over the whole
 *   way — accepted and paid in full (结项), accepted with the 尾款 awaiting approval or recording,
 *   in rectification, being inspected, waiting for inspectors, still in progress past their end;
 * - the 尾款 of the accepted projects is requested, approved and (for most) paid.
 * Every text is marked （演示）.
 */
import {
  AssignInspectorsRequest,
  CreatePaymentRequest,
  ProgressReportRequest,
  RecordInspectionRequest,
  RecordPaymentRequest,
  ReplaceMilestonesRequest,
} from '@xiaoshi/contracts';
import { AcceptanceService } from '../../modules/delivery/acceptance.service.js';
import { InspectionsService } from '../../modules/delivery/inspections.service.js';
import { ProgressService } from '../../modules/delivery/progress.service.js';
import { ProjectPhotosService } from '../../modules/delivery/project-photos.service.js';
import { ProjectsService } from '../../modules/delivery/projects.service.js';
import { PaymentsService } from '../../modules/payments/payments.service.js';
import { STREET_OFFICERS } from '../demo-org-units.js';
import { demoPng, upload } from '../demo-files.js';
import type { SeedContext } from '../seed-context.js';
import type { StoryClock } from '../story-clock.js';
import type { AwardedProject } from './story-calls.js';
import { random, type CallKey } from './story-data.js';

/** Where a project stands on 2026-12-03. */
type Fate =
  | 'closed' // accepted, paid in full: the application is closed (结项)
  | 'rectified_unpaid' // rectification, then passed; the 尾款 approved, not yet recorded
  | 'accepted_requested' // passed; the 尾款 requested, awaiting the checker
  | 'rectification' // sent to rectification, the deadline still ahead
  | 'inspecting' // inspectors assigned, not yet recorded
  | 'requested' // acceptance requested, no inspector yet
  | 'late'; // still in progress after its end date

/** Per call, in the order the projects were awarded; a project past the list stays 'late'. */
const FATES: Record<CallKey, readonly Fate[]> = {
  governance: ['closed', 'rectified_unpaid', 'closed', 'accepted_requested', 'closed'],
  livelihood: ['closed', 'rectification', 'inspecting', 'requested', 'late'],
  volunteer: ['closed', 'accepted_requested', 'closed', 'inspecting', 'requested', 'late'],
};

/** The working calendar of a call's projects (Asia/Shanghai days). */
const ENDS: Record<CallKey, { firstMonth: number; lastMonth: number; acceptance: string }> = {
  governance: { firstMonth: 7, lastMonth: 10, acceptance: '2026-10-22' },
  livelihood: { firstMonth: 7, lastMonth: 11, acceptance: '2026-11-21' },
  volunteer: { firstMonth: 7, lastMonth: 11, acceptance: '2026-11-21' },
};

const day = (iso: string, days: number) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const pad = (value: number) => String(value).padStart(2, '0');

export interface DeliveryOutcome {
  progressReports: number;
  photos: number;
  inspections: number;
  payments: number;
  paidFen: number;
}

interface Event {
  when: string;
  order: number;
  run: (now: Date) => Promise<void>;
}

export async function runDelivery(
  context: SeedContext,
  clock: StoryClock,
  awarded: readonly AwardedProject[],
): Promise<DeliveryOutcome> {
  const projects = context.get(ProjectsService);
  const progress = context.get(ProgressService);
  const photos = context.get(ProjectPhotosService);
  const acceptance = context.get(AcceptanceService);
  const inspections = context.get(InspectionsService);
  const payments = context.get(PaymentsService);
  const admin = await context.actor('admin');
  const finance = await context.actor('finance');
  const checker = await context.actor('checker');
  const inspector = await context.actor('inspector');
  const outcome: DeliveryOutcome = { progressReports: 0, photos: 0, inspections: 0, payments: 0, paidFen: 0 };
  const events: Event[] = [];
  let order = 0;
  const at = (when: string, run: (now: Date) => Promise<void>) => events.push({ when, order: order++, run });

  const seen: Record<CallKey, number> = { governance: 0, livelihood: 0, volunteer: 0 };
  let voucher = 0;
  for (const [index, project] of awarded.entries()) {
    const call = project.call;
    const fate = FATES[call][seen[call]++] ?? 'late';
    const street = await context.actor(STREET_OFFICERS[project.spec.streetCode]);
    const view = await projects.get(admin.user, project.projectId);
    const rand = random(7_000 + index);
    const calendar = ENDS[call];
    const startDay = view.startDate ?? '2026-07-15';
    const items = project.spec.theme.items;
    // The reporting day of the month (20th–23rd), the same from month to month.
    const reportDay = 20 + (index % 4);
    const finished = fate !== 'late';
    const finalPercent = finished ? 100 : 80 + Math.floor(rand() * 12);

    // Milestones, a few days after opening.
    const milestones = (done: number) =>
      ReplaceMilestonesRequest.parse({
        milestones: [
          { title: '召开居民议事会，确定实施方案（演示）', dueDate: day(startDay, 14), done: done > 0 },
          { title: `${items[0]}到位（演示）`, dueDate: '2026-08-31', done: done > 1 },
          { title: '中期报告（演示）', dueDate: '2026-09-30', done: done > 2 },
          {
            title: `${items[1]}完成，申请${view.finalInspectionKind === 'supervision' ? '督导评估' : '验收'}（演示）`,
            dueDate: view.endDate ?? '2026-11-20',
            done: done > 3,
          },
        ],
      });
    at(`${day(startDay, 3)} 10:00`, async () => {
      await projects.replaceMilestones(street, project.projectId, milestones(0));
    });

    // Monthly progress reports with photos; September's is the mid-term report.
    const months = calendar.lastMonth - calendar.firstMonth + 1;
    for (let step = 0; step < months; step += 1) {
      const month = calendar.firstMonth + step;
      const last = step === months - 1;
      const percent = last
        ? finalPercent
        : Math.min(95, Math.round(((step + 1) / months) * finalPercent - rand() * 6));
      const midterm = month === 9;
      const text = last
        ? finished
          ? `项目已按计划全部完成：${items[0]}、${items[1]}、${items[2]}均已落实，受益对象为${project.spec.theme.beneficiaries}，居民满意度回访良好，档案资料已整理归档，申请${view.finalInspectionKind === 'supervision' ? '督导评估' : '验收'}。（演示）`
          : `本月继续推进${items[1]}，受天气和材料供应影响进度有所滞后，已召开居民议事会调整工期，预计12月中旬完工。（演示）`
        : step === 0
          ? `已召开居民议事会确定实施方案并公示，完成${items[0]}的询价比选，招募居民志愿者${8 + Math.floor(rand() * 20)}名。（演示）`
          : midterm
            ? `中期报告：${items[0]}已完成，${items[1]}完成约${percent}%，累计组织居民参与${40 + Math.floor(rand() * 120)}人次，资金使用符合预算。（演示）`
            : `${items[1]}按计划推进，本月开展活动${2 + Math.floor(rand() * 4)}次，居民参与${20 + Math.floor(rand() * 60)}人次。（演示）`;
      const monthDay = last && finished ? Math.min(reportDay, 19) : reportDay;
      at(`2026-${pad(month)}-${pad(monthDay)} 16:00`, async (now) => {
        const report = await progress.report(
          street,
          project.projectId,
          ProgressReportRequest.parse({ text, percentComplete: percent, midterm }),
          now,
        );
        outcome.progressReports += 1;
        await photos.addPhoto(
          street,
          { reportId: report.id },
          upload(`现场照片${month}月（演示）.png`, demoPng(index * 13 + month, percent)),
        );
        outcome.photos += 1;
        if (last) await projects.replaceMilestones(street, project.projectId, milestones(finished ? 4 : 3));
      });
    }

    // The 30% advance: requested by finance, approved by the checker, recorded by finance.
    const advance = view.tranches.find((tranche) => tranche.condition === 'on_approval');
    const rest = view.tranches.filter((tranche) => tranche.condition !== 'on_approval');
    const pay = (
      amountFen: number,
      purpose: string,
      days: { request: string; approve?: string; record?: string },
    ) => {
      let paymentId = 0;
      const number = ++voucher;
      at(days.request, async () => {
        const requested = await payments.request(
          finance,
          CreatePaymentRequest.parse({
            projectId: project.projectId,
            amountFen,
            purpose,
            idempotencyKey: `demo-year-payment-${number}`,
          }),
        );
        paymentId = requested.payment.id;
        outcome.payments += 1;
      });
      if (days.approve)
        at(days.approve, async (now) => void (await payments.approve(checker, paymentId, now)));
      if (days.approve && days.record) {
        const paidOn = days.record.slice(0, 10);
        at(days.record, async (now) => {
          await payments.record(
            finance,
            paymentId,
            RecordPaymentRequest.parse({
              paidOn,
              voucherNo: `PZ-2026-${pad(number)}（演示）`,
              bankReference: `YH-${paidOn.replace(/-/g, '')}-${pad(number)}（演示）`,
            }),
            undefined,
            now,
          );
          outcome.paidFen += amountFen;
        });
      }
    };
    if (advance) {
      pay(advance.amountFen, `「${project.spec.title}」立项后预拨款（${advance.percentBp / 100}%）`, {
        request: `${day(startDay, 7)} 10:00`,
        approve: `${day(startDay, 10)} 15:00`,
        record: `${day(startDay, 14)} 11:00`,
      });
    }
    if (!finished) continue;

    // Acceptance (验收) or supervision (督导评估), by the demo inspector.
    const requestDay = day(calendar.acceptance, index % 3);
    const inspect = (
      assigned: string,
      recorded: string | null,
      result: 'passed' | 'rectification',
      deadline?: string,
    ) => {
      let inspectionId = 0;
      at(`${assigned} 10:30`, async () => {
        const inspection = await acceptance.assignInspectors(
          admin,
          project.projectId,
          AssignInspectorsRequest.parse({ inspectorUserIds: [inspector.user.id] }),
        );
        inspectionId = inspection.id;
        outcome.inspections += 1;
      });
      if (!recorded) return;
      at(`${recorded} 15:00`, async (now) => {
        const inspection = await inspections.inspection(inspector.user, inspectionId);
        const checklist = inspection.checklist as Array<{ key: string }>;
        const answers = Object.fromEntries(
          checklist.map((item, position) => [
            item.key,
            result === 'passed' || position !== 1
              ? { ok: true, note: null }
              : { ok: false, note: '活动台账和居民签到表不全（演示）' },
          ]),
        );
        await photos.addPhoto(
          inspector,
          { inspectionId },
          upload(`验收现场照片（演示）.png`, demoPng(index * 7 + 3, 100)),
        );
        outcome.photos += 1;
        await inspections.record(
          inspector,
          inspectionId,
          RecordInspectionRequest.parse({
            inspectedOn: recorded,
            answers,
            outcome: result,
            findings:
              result === 'passed'
                ? '现场查看与资料核对一致，项目按方案完成，居民评价良好。（演示）'
                : '活动台账和居民签到表不全，部分支出缺少票据，请补齐后重新申请。（演示）',
            rectificationDeadline: deadline ?? null,
          }),
          now,
        );
      });
    };
    at(`${requestDay} 09:30`, async () => {
      await acceptance.requestAcceptance(street, project.projectId, {
        note: '项目已完工，资料已整理归档，申请验收。（演示）',
      });
    });
    const final = rest.reduce((sum, tranche) => sum + tranche.amountFen, 0);
    const finalPurpose = `「${project.spec.title}」${view.finalInspectionKind === 'supervision' ? '督导评估后' : '验收合格后'}尾款`;
    switch (fate) {
      case 'requested':
        break;
      case 'inspecting':
        inspect(day(requestDay, 4), null, 'passed');
        break;
      case 'rectification':
        inspect(day(requestDay, 2), day(requestDay, 5), 'rectification', '2026-12-18');
        break;
      case 'rectified_unpaid': {
        const first = day(requestDay, 5);
        inspect(day(requestDay, 3), first, 'rectification', day(first, 14));
        at(`${day(first, 10)} 10:00`, async () => {
          await acceptance.requestAcceptance(street, project.projectId, {
            note: '已按整改意见补齐台账和票据，申请再次验收。（演示）',
          });
        });
        inspect(day(first, 11), day(first, 15), 'passed');
        pay(final, finalPurpose, { request: `${day(first, 21)} 10:00`, approve: `${day(first, 23)} 16:00` });
        break;
      }
      case 'accepted_requested': {
        const passed = day(requestDay, 4);
        inspect(day(requestDay, 2), passed, 'passed');
        pay(final, finalPurpose, { request: `${day(passed, 3)} 10:00` });
        break;
      }
      case 'closed': {
        const passed = day(requestDay, 3);
        inspect(day(requestDay, 1), passed, 'passed');
        pay(final, finalPurpose, {
          request: `${day(passed, 1)} 10:00`,
          approve: `${day(passed, 2)} 15:00`,
          record: `${day(passed, 4)} 11:00`,
        });
        break;
      }
    }
  }

  // Told in date order; events of one instant form one step.
  const LAST = '2026-12-03 09:00';
  events.sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : a.order - b.order));
  for (let start = 0; start < events.length;) {
    let end = start + 1;
    while (end < events.length && events[end].when === events[start].when) end += 1;
    const group = events.slice(start, end);
    const when = group[0].when;
    if (when > LAST) throw new Error(`a delivery step of the demo year (${when}) falls after 2026-12-03`);
    await clock.step(when, async (now) => {
      for (const event of group) await event.run(now);
    });
    start = end;
  }
  return outcome;
}

/**
 * DEMO DATA for study trips.
 * - base: the training-cost norm table of 呈财联〔2021〕5号 with illustrative 演示 rates (the seeds
 *   do not print its figures);
 * - demo year: a September 2026 study trip of sixteen community cadres from eight communities of
 *   four streets — approved in August, attended (one absent), its sign-in sheet uploaded and its
 *   actual costs committed and paid on the demo line — and a spring 2027 trip submitted in late
 *   November, awaiting the district's approval.
 */
import { Readable } from 'node:stream';
import {
  CreateTrainingNormVersionRequest,
  CreateTripRequest,
  type TripParticipantInput,
} from '@xiaoshi/contracts';
import { DEMO_TRAINING_NORMS } from '@xiaoshi/domain';
import ExcelJS from 'exceljs';
import { PaymentsService } from '../modules/payments/payments.service.js';
import { TrainingNormsService } from '../modules/trips/training-norms.service.js';
import { TripCompletionService } from '../modules/trips/trip-completion.service.js';
import { TripsService } from '../modules/trips/trips.service.js';
import type { SeedContext } from './seed-context.js';
import type { StoryClock } from './story-clock.js';

const YUAN = 100;

const PARTICIPANTS: ReadonlyArray<{ community: string; post: string }> = [
  { community: '龙街社区', post: '社区党委书记、居委会主任' },
  { community: '龙街社区', post: '社区居委会副主任' },
  { community: '文华社区', post: '社区党委书记' },
  { community: '文华社区', post: '社区居务监督委员会主任' },
  { community: '乌龙社区', post: '社区党总支书记' },
  { community: '乌龙社区', post: '社区居委会委员' },
  { community: '洛羊社区', post: '社区党委书记、居委会主任' },
  { community: '洛羊社区', post: '社区居委会副主任' },
  { community: '梅子社区', post: '社区党总支副书记' },
  { community: '梅子社区', post: '社区居委会主任' },
  { community: '斗南社区', post: '社区党委书记' },
  { community: '斗南社区', post: '社区居委会委员' },
  { community: '花园社区', post: '社区党委书记、居委会主任' },
  { community: '花园社区', post: '社区居委会副主任' },
  { community: '锦绣社区', post: '社区党总支书记' },
  { community: '锦绣社区', post: '社区居务监督委员会主任' },
];

async function signInSheet(title: string, names: readonly string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('签到表');
  sheet.addRow([`${title} 签到表（演示）`]);
  sheet.addRow(['序号', '姓名', '9月14日', '9月15日', '9月16日', '9月17日', '9月18日']);
  names.forEach((name, index) => sheet.addRow([index + 1, name, '✓', '✓', '✓', '✓', '✓']));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Base: the norm table. */
export async function seedTrainingNorms(context: SeedContext): Promise<void> {
  await context.get(TrainingNormsService).create(
    await context.actor('admin'),
    CreateTrainingNormVersionRequest.parse({
      documentNumber: '呈财联〔2021〕5号',
      title: '关于调整呈贡区区级机关培训费综合定额标准的通知（定额为演示数据，请按正式文件修改）',
      effectiveFrom: '2021-01-01',
      items: DEMO_TRAINING_NORMS,
    }),
  );
}

/** Demo year: the September trip, done and paid, and next spring's awaiting approval. */
export async function seedTrips(context: SeedContext, clock: StoryClock, budgetLineId: number): Promise<void> {
  const trips = context.get(TripsService);
  const completion = context.get(TripCompletionService);
  const payments = context.get(PaymentsService);
  const admin = await context.actor('admin');
  const finance = await context.actor('finance');
  const checker = await context.actor('checker');
  const units: Array<{ id: number; name: string }> = await context.dataSource.query(
    `SELECT id, name FROM org_unit WHERE kind = 'community' AND name = ANY($1::text[])`,
    [[...new Set(PARTICIPANTS.map((participant) => participant.community))]],
  );
  const participants: TripParticipantInput[] = PARTICIPANTS.map((participant, index) => ({
    communityId: units.find((unit) => unit.name === participant.community)!.id,
    name: `演示干部${String(index + 1).padStart(2, '0')}`,
    post: participant.post,
  }));

  const title = '2026年社区干部赴先进地区学习社会治理经验（演示）';
  let trip = await clock.step('2026-07-28 10:00', async () => {
    const created = await trips.create(
      admin,
      CreateTripRequest.parse({
        budgetLineId,
        title,
        destination: '浙江省杭州市、嘉兴市（演示）',
        purpose: '学习“千万工程”和新时代“枫桥经验”在城市社区治理中的做法：网格治理、社区议事、社会组织参与。',
        startDate: '2026-09-14',
        endDate: '2026-09-18',
        category: 'class_2',
        staffCount: 2,
        travelPerPersonFen: 1_200 * YUAN,
      }),
    );
    const listed = await trips.replaceParticipants(admin, created.id, { participants, version: created.version });
    return trips.submit(admin, created.id, listed.version);
  });
  trip = await clock.step('2026-08-20 10:00', (now) => trips.approve(admin, trip.id, trip.version, now));
  // One cadre could not go; the others attended all five days.
  const attended = trip.participantList.filter((participant) => participant.name !== '演示干部09');
  trip = await clock.step('2026-09-21 09:30', async (now) => {
    const recorded = await completion.recordAttendance(
      admin,
      trip.id,
      { attendedParticipantIds: attended.map((participant) => participant.id), version: trip.version },
      now,
    );
    await completion.addEvidence(admin, trip.id, 'attendance_sheet', {
      filename: '学习考察签到表（演示）.xlsx',
      stream: Readable.from(await signInSheet(title, attended.map((participant) => participant.name))),
    });
    return trips.get(admin.user, recorded.id);
  });
  // 15 cadres and 2 staff, 5 days: the training part (32,750 元) stays under the norm's 34,000 元.
  trip = await clock.step('2026-09-23 15:00', () =>
    completion.recordCosts(admin, trip.id, {
      version: trip.version,
      items: [
        { kind: 'accommodation', amountFen: 20_400 * YUAN, note: '17人×4晚（演示）' },
        { kind: 'meals', amountFen: 8_500 * YUAN, note: '17人×5天（演示）' },
        { kind: 'venue', amountFen: 3_000 * YUAN, note: '现场教学（演示）' },
        { kind: 'materials', amountFen: 850 * YUAN },
        { kind: 'travel', amountFen: 19_550 * YUAN, note: '往返高铁（演示）' },
      ],
    }),
  );
  // Finance pays it like any direct expenditure: requested by one officer, approved by another, recorded.
  const { payment } = await clock.step('2026-09-24 10:00', () =>
    payments.request(
      finance,
      { directExpenditureId: trip.directExpenditureId!, amountFen: trip.actualFen!, purpose: `${title}实际费用` },
    ),
  );
  await clock.step('2026-09-28 11:00', (now) => payments.approve(checker, payment.id, now));
  await clock.step('2026-09-30 15:30', (now) =>
    payments.record(
      finance,
      payment.id,
      { paidOn: '2026-09-30', voucherNo: 'PZ-2026-0930-XXKC（演示）', bankReference: 'YH-2026-0930-001（演示）' },
      undefined,
      now,
    ),
  );

  // Next spring's trip, planned and awaiting approval.
  await clock.step('2026-11-26 16:00', async () => {
    const next = await trips.create(
      admin,
      CreateTripRequest.parse({
        budgetLineId,
        title: '2027年春季社区干部学习考察（演示）',
        destination: '四川省成都市（演示）',
        purpose: '学习成都市社区发展治理和社区营造经验。',
        startDate: '2027-03-22',
        endDate: '2027-03-25',
        category: 'class_2',
        staffCount: 1,
        travelPerPersonFen: 600 * YUAN,
      }),
    );
    const listed = await trips.replaceParticipants(admin, next.id, {
      participants: participants.filter((_, index) => index % 2 === 0),
      version: next.version,
    });
    await trips.submit(admin, next.id, listed.version);
  });
}

import { Injectable } from '@nestjs/common';
import type { WorkbenchFigureView } from '@xiaoshi/contracts';
import { ledgerFigures, shanghaiDate, sumLedgerTotals } from '@xiaoshi/domain';
import type { AuthUser } from '../../common/actor.js';
import { ApplicationsFiguresService } from '../applications/applications-figures.service.js';
import { AwardsFiguresService } from '../awards/awards-figures.service.js';
import { BudgetsFiguresService } from '../budgets/budgets-figures.service.js';
import { DeliveryFiguresService } from '../delivery/delivery-figures.service.js';
import { PaymentsFiguresService } from '../payments/payments-figures.service.js';
import { ReviewsFiguresService } from '../reviews/reviews-figures.service.js';
import { StipendsFiguresService } from '../stipends/stipends-figures.service.js';

type Figure = WorkbenchFigureView;

const figure = (
  key: string,
  label: Figure['label'],
  value: number,
  unit: Figure['unit'],
  link: string | null,
  of: number | null = null,
): Figure => ({ key, label, value, unit, of, link });

/** The first instant of the Asia/Shanghai month of `now`. */
function monthStart(now: Date): Date {
  return new Date(`${shanghaiDate(now).slice(0, 7)}-01T00:00:00+08:00`);
}

/**
 * The key figures of the 工作台, by role (a user holding several roles sees each role's figures
 * once): the district's execution rate, projects in delivery and pending objections; a street's
 * submissions against each open call's minimum and its projects; a reviewer's sheets; finance's
 * approvals waiting and money paid this month; an inspector's open inspections.
 */
@Injectable()
export class WorkbenchFiguresService {
  constructor(
    private readonly budgets: BudgetsFiguresService,
    private readonly applications: ApplicationsFiguresService,
    private readonly awards: AwardsFiguresService,
    private readonly delivery: DeliveryFiguresService,
    private readonly payments: PaymentsFiguresService,
    private readonly reviews: ReviewsFiguresService,
    private readonly stipends: StipendsFiguresService,
  ) {}

  async of(user: AuthUser, now: Date): Promise<Figure[]> {
    const roles = new Set(user.roles);
    const groups = await Promise.all([
      roles.has('district_admin') || roles.has('auditor') ? this.district(user, now) : [],
      roles.has('street_officer') ? this.street(user, now) : [],
      roles.has('community_officer') ? this.community(user) : [],
      roles.has('reviewer') ? this.reviewer(user, now) : [],
      roles.has('finance') ? this.finance(user, now) : [],
      roles.has('inspector') ? this.inspector(user) : [],
    ]);
    // A figure two roles share (an admin who is also an auditor) is shown once.
    return [...new Map(groups.flat().map((entry) => [entry.key, entry])).values()];
  }

  private async district(user: AuthUser, now: Date): Promise<Figure[]> {
    if (user.unit.kind !== 'district') return [];
    const year = Number(shanghaiDate(now).slice(0, 4));
    const [lines, inDelivery, objections] = await Promise.all([
      this.budgets.lines(year, user.unit.id),
      this.delivery.inDelivery(user),
      this.awards.pendingObjections(user),
    ]);
    const total = ledgerFigures(sumLedgerTotals(lines));
    return [
      figure(
        'district.execution_rate',
        { zh: `${year}年预算执行率`, en: `Budget execution ${year}` },
        total.executionRateBp,
        'bp',
        '/dashboards',
      ),
      figure(
        'district.paid',
        { zh: `${year}年已支付`, en: `Paid in ${year}` },
        total.paidFen,
        'fen',
        '/ledger',
      ),
      figure(
        'district.projects_in_delivery',
        { zh: '实施中的项目', en: 'Projects in delivery' },
        inDelivery,
        'count',
        '/projects',
      ),
      figure(
        'district.pending_objections',
        { zh: '待处理的公示异议', en: 'Pending objections' },
        objections,
        'count',
        '/awards?tab=decisions',
      ),
    ];
  }

  private async street(user: AuthUser, now: Date): Promise<Figure[]> {
    const [calls, inDelivery] = await Promise.all([
      this.applications.streetMinimums(user, now),
      this.delivery.inDelivery(user),
    ]);
    return [
      ...calls.map((call) =>
        figure(
          `street.submissions.${call.competitionId}`,
          { zh: `${call.title}：已申报 / 最低`, en: `${call.title}: submitted / minimum` },
          call.submitted,
          'count',
          `/applications?competitionId=${call.competitionId}`,
          call.minimum,
        ),
      ),
      figure(
        'street.projects_in_delivery',
        { zh: '本街道实施中的项目', en: 'Street projects in delivery' },
        inDelivery,
        'count',
        '/projects',
      ),
    ];
  }

  private async community(user: AuthUser): Promise<Figure[]> {
    const inDelivery = await this.delivery.inDelivery(user);
    return [
      figure(
        'community.projects_in_delivery',
        { zh: '本社区实施中的项目', en: 'Community projects in delivery' },
        inDelivery,
        'count',
        '/projects',
      ),
    ];
  }

  private async reviewer(user: AuthUser, now: Date): Promise<Figure[]> {
    const sheets = await this.reviews.sheetsOf(user, now);
    return [
      figure(
        'reviewer.sheets',
        { zh: '已提交的评审表', en: 'Score sheets submitted' },
        sheets.submitted,
        'count',
        '/reviews',
        sheets.total,
      ),
    ];
  }

  private async finance(user: AuthUser, now: Date): Promise<Figure[]> {
    const since = monthStart(now);
    const [waiting, paid, stipends] = await Promise.all([
      this.payments.awaitingApproval(user),
      this.payments.paidSince(user, since),
      this.stipends.paidSince(user, since),
    ]);
    return [
      figure(
        'finance.awaiting_approval',
        { zh: '待您审批的拨付', en: 'Payments awaiting your approval' },
        waiting.count,
        'count',
        '/payments?tab=requested',
      ),
      figure(
        'finance.awaiting_approval_fen',
        { zh: '待审批金额', en: 'Amount awaiting approval' },
        waiting.amountFen,
        'fen',
        '/payments?tab=requested',
      ),
      figure(
        'finance.paid_this_month',
        { zh: '本月已支付（拨付与补贴）', en: 'Paid this month (payments and stipends)' },
        paid + stipends,
        'fen',
        '/payments?tab=paid',
      ),
    ];
  }

  private async inspector(user: AuthUser): Promise<Figure[]> {
    const open = await this.delivery.inspectionsAssigned(user);
    return [
      figure(
        'inspector.inspections_due',
        { zh: '待完成的验收', en: 'Inspections to carry out' },
        open,
        'count',
        '/projects?status=inspecting',
      ),
    ];
  }
}

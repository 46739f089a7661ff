import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  fieldMessage,
  type CreateInvitationsRequest,
  type CreateSurveyRequest,
  type InvitationsView,
  type RespondentGroupKey,
  type SurveyListQuery,
  type SurveyResultsView,
  type SurveyView,
} from '@xiaoshi/contracts';
import { SURVEY_MOVES, emptyCounts, surveySatisfaction, totalAnswers, type SurveyCounts } from '@xiaoshi/domain';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { BudgetsService } from '../budgets/budgets.service.js';
import { CompetitionsService } from '../competitions/competitions.service.js';
import { DeliveryService } from '../delivery/delivery.service.js';
import type { Survey } from './surveys.entities.js';
import { SurveysRepository, type ChoiceCountRow, type NewSurvey } from './surveys.repository.js';

export const newSecret = (bytes: number) => randomBytes(bytes).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface ResolvedSubject {
  name: string;
  budgetLineId: number;
  budgetLineName: string;
  unitId: number;
  year: number;
}

function resultsOf(
  survey: Survey,
  counts: readonly ChoiceCountRow[],
  comments: SurveyResultsView['comments'],
) {
  const total: SurveyCounts = emptyCounts();
  const groups = new Map<RespondentGroupKey | null, SurveyCounts>();
  for (const row of counts) {
    total[row.choice] += row.answers;
    const group = groups.get(row.respondent_group) ?? emptyCounts();
    group[row.choice] += row.answers;
    groups.set(row.respondent_group, group);
  }
  return {
    counts: total,
    answers: totalAnswers(total),
    satisfaction: surveySatisfaction(total, survey.countBasicallySatisfied),
    byGroup: [...groups.entries()].map(([group, groupCounts]) => ({ group, counts: groupCounts })),
    comments,
  } satisfies SurveyResultsView;
}

/**
 * Satisfaction surveys for staff: made by the district about a project, a budget line or a
 * stipend's recipients; read within scope (a street sees surveys of its communities' projects).
 */
@Injectable()
export class SurveysService {
  constructor(
    private readonly repository: SurveysRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly budgets: BudgetsService,
    private readonly competitions: CompetitionsService,
    private readonly delivery: DeliveryService,
  ) {}

  /** The year of the programme a budget line belongs to, read through the budgets module. */
  private async lineFacts(user: AuthUser, budgetLineId: number) {
    const line = await this.budgets.getLine(user, budgetLineId);
    const programmes = await this.budgets.listProgrammes(user, {});
    const programme = programmes.find((candidate) => candidate.id === line.programmeId);
    if (!programme) throw new DomainError('NOT_FOUND');
    return { line, year: programme.year };
  }

  private async resolveSubject(
    user: AuthUser,
    subject: CreateSurveyRequest['subject'],
  ): Promise<ResolvedSubject> {
    if (subject.kind === 'project') {
      const project = await this.delivery.get(user, subject.id);
      const competition = await this.competitions.get(user, project.competition.id);
      const { line, year } = await this.lineFacts(user, competition.budgetLineId);
      return {
        name: project.title,
        budgetLineId: line.id,
        budgetLineName: line.name,
        unitId: project.community.id,
        year,
      };
    }
    // A budget line, or a stipend's recipients through the line that pays it: the district's.
    const { line, year } = await this.lineFacts(user, subject.id);
    return { name: line.name, budgetLineId: line.id, budgetLineName: line.name, unitId: user.unit.id, year };
  }

  async create(actor: AuthenticatedActor, body: CreateSurveyRequest): Promise<SurveyView> {
    this.access.requirePermission(actor.user, 'surveys.manage');
    const input = body;
    if (actor.user.unit.kind !== 'district') throw new DomainError('FORBIDDEN');
    const subject = await this.resolveSubject(actor.user, input.subject).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        throw new DomainError('VALIDATION_FAILED', {
          'subject.id': fieldMessage('找不到该测评对象', 'No such subject'),
        });
      }
      throw error;
    });
    const closesAt = input.closesAt ? new Date(input.closesAt) : null;
    const survey = await this.repository.transaction(async (manager) => {
      const row: NewSurvey = {
        title: input.title,
        description: input.description,
        subjectKind: input.subject.kind,
        subjectId: input.subject.id,
        subjectName: subject.name.slice(0, 200),
        budgetLineId: subject.budgetLineId,
        budgetLineName: subject.budgetLineName.slice(0, 100),
        unitId: subject.unitId,
        year: subject.year,
        status: 'open',
        countBasicallySatisfied: input.countBasicallySatisfied,
        askGroup: input.askGroup,
        maxAnswersPerAddress: input.maxAnswersPerAddress,
        closesAt,
        code: newSecret(16),
        addressSalt: randomBytes(16).toString('hex'),
        isDemo: false,
        createdByUserId: actor.user.id,
      };
      const saved = await this.repository.insert(manager, row);
      await this.audit.record(manager, actor, {
        action: 'survey.created',
        entityType: 'survey',
        entityId: saved.id,
        after: {
          title: saved.title,
          subject: input.subject,
          budgetLineId: saved.budgetLineId,
          year: saved.year,
        },
      });
      return saved;
    });
    return this.get(actor.user, survey.id);
  }

  private async reachable(user: AuthUser, id: number, permission: 'surveys.read' | 'surveys.manage') {
    await this.access.requireRows(user, permission, 'survey', 'unit_id', [id]);
    const survey = await this.repository.byId(id);
    if (!survey) throw new DomainError('NOT_FOUND');
    return survey;
  }

  private async views(surveys: readonly Survey[], withComments: boolean): Promise<SurveyView[]> {
    const ids = surveys.map((survey) => survey.id);
    const [counts, invitations] = await Promise.all([
      this.repository.choiceCounts(ids),
      this.repository.invitationCounts(ids),
    ]);
    const unitNames = new Map<number, string>();
    for (const survey of surveys) {
      if (!unitNames.has(survey.unitId))
        unitNames.set(survey.unitId, await this.repository.unitName(survey.unitId));
    }
    return Promise.all(
      surveys.map(async (survey) => {
        const comments = withComments
          ? (await this.repository.comments(survey.id, 50)).map((row) => ({
              choice: row.choice,
              group: row.respondent_group,
              comment: row.comment,
              answeredAt: row.created_at.toISOString(),
            }))
          : [];
        return {
          id: survey.id,
          title: survey.title,
          description: survey.description,
          subject: { kind: survey.subjectKind, id: survey.subjectId, name: survey.subjectName },
          budgetLine: { id: survey.budgetLineId, name: survey.budgetLineName },
          unit: { id: survey.unitId, name: unitNames.get(survey.unitId) ?? '' },
          year: survey.year,
          status: survey.status,
          countBasicallySatisfied: survey.countBasicallySatisfied,
          askGroup: survey.askGroup,
          maxAnswersPerAddress: survey.maxAnswersPerAddress,
          closesAt: survey.closesAt?.toISOString() ?? null,
          code: survey.code,
          invitations: invitations.get(survey.id) ?? 0,
          results: resultsOf(
            survey,
            counts.filter((row) => row.survey_id === survey.id),
            comments,
          ),
          isDemo: survey.isDemo,
          createdAt: survey.createdAt.toISOString(),
          version: survey.version,
        };
      }),
    );
  }

  async list(user: AuthUser, query: SurveyListQuery): Promise<SurveyView[]> {
    this.access.requirePermission(user, 'surveys.read');
    return this.views(await this.repository.listInScope(user.unit.id, query), false);
  }

  async get(user: AuthUser, id: number): Promise<SurveyView> {
    const [view] = await this.views([await this.reachable(user, id, 'surveys.read')], true);
    return view;
  }

  async setOpen(actor: AuthenticatedActor, id: number, open: boolean): Promise<SurveyView> {
    await this.reachable(actor.user, id, 'surveys.manage');
    await this.repository.transaction(async (manager) => {
      const survey = await this.repository.byId(id, manager, true);
      if (!survey) throw new DomainError('NOT_FOUND');
      const { to: status } = requireMove(SURVEY_MOVES, survey.status, open ? 'reopen' : 'close');
      await this.repository.setStatus(manager, survey, status);
      await this.audit.record(manager, actor, {
        action: open ? 'survey.reopened' : 'survey.closed',
        entityType: 'survey',
        entityId: id,
        before: { status: open ? 'closed' : 'open' },
        after: { status },
      });
    });
    return this.get(actor.user, id);
  }

  /** Invitation tokens are shown once; only their hashes are kept. */
  async invite(
    actor: AuthenticatedActor,
    id: number,
    body: CreateInvitationsRequest,
  ): Promise<InvitationsView> {
    await this.reachable(actor.user, id, 'surveys.manage');
    const tokens = Array.from({ length: body.count }, () => newSecret(32));
    await this.repository.transaction(async (manager) => {
      await this.repository.insertTokens(manager, id, tokens.map(hashToken), 'invitation');
      await this.audit.record(manager, actor, {
        action: 'survey.invitations_created',
        entityType: 'survey',
        entityId: id,
        after: { count: body.count },
      });
    });
    return { tokens };
  }
}

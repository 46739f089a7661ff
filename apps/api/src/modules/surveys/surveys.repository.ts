import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RespondentGroupKey, SurveyChoiceKey } from '@xiaoshi/contracts';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { Survey, SurveyAnswer, SurveyToken } from './surveys.entities.js';

export interface ChoiceCountRow {
  survey_id: number;
  choice: SurveyChoiceKey;
  respondent_group: RespondentGroupKey | null;
  answers: number;
}

export interface CommentRow {
  choice: SurveyChoiceKey;
  respondent_group: RespondentGroupKey | null;
  comment: string;
  created_at: Date;
}

export interface SurveyLineCountRow {
  id: number;
  title: string;
  unit_name: string;
  count_basically_satisfied: boolean;
  satisfied: number;
  basically_satisfied: number;
  dissatisfied: number;
  total: number;
}

export type NewSurvey = Omit<Survey, 'id' | 'version' | 'createdAt' | 'budgetLine' | 'unit' | 'createdBy'>;

/** The surveys module's tables: surveys, respondent tokens, answers. */
@Injectable()
export class SurveysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  insert(manager: EntityManager, survey: NewSurvey): Promise<Survey> {
    return manager.save(manager.create(Survey, survey));
  }

  byId(id: number, manager: EntityManager = this.dataSource.manager, lock = false): Promise<Survey | null> {
    return manager.findOne(Survey, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  byCode(code: string, manager: EntityManager = this.dataSource.manager): Promise<Survey | null> {
    return manager.findOne(Survey, { where: { code } });
  }

  async setStatus(manager: EntityManager, survey: Survey, status: Survey['status']): Promise<Survey> {
    survey.status = status;
    return manager.save(survey);
  }

  /** Surveys whose unit lies in the subtree of `unitId`, newest first. */
  async listInScope(unitId: number, filter: { year?: number; budgetLineId?: number }): Promise<Survey[]> {
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT s.id FROM survey s JOIN org_unit u ON u.id = s.unit_id
       WHERE (u.id = $1 OR u.ancestor_ids @> ARRAY[$1::int])
         AND ($2::int IS NULL OR s.year = $2) AND ($3::int IS NULL OR s.budget_line_id = $3)
       ORDER BY s.id DESC LIMIT 500`,
      [unitId, filter.year ?? null, filter.budgetLineId ?? null],
    );
    if (!rows.length) return [];
    const surveys = await this.dataSource.manager.findBy(Survey, { id: In(rows.map((row) => row.id)) });
    return surveys.sort((a, b) => b.id - a.id);
  }

  unitName(unitId: number): Promise<string> {
    return this.dataSource
      .query(`SELECT name FROM org_unit WHERE id = $1`, [unitId])
      .then((rows: Array<{ name: string }>) => rows[0]?.name ?? '');
  }

  /** Answers per survey, choice and respondent group. */
  choiceCounts(surveyIds: readonly number[]): Promise<ChoiceCountRow[]> {
    if (!surveyIds.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT survey_id, choice, respondent_group, count(*)::int AS answers
       FROM survey_answer WHERE survey_id = ANY($1::int[])
       GROUP BY survey_id, choice, respondent_group`,
      [surveyIds],
    );
  }

  comments(surveyId: number, limit: number): Promise<CommentRow[]> {
    return this.dataSource.query(
      `SELECT choice, respondent_group, comment, created_at FROM survey_answer
       WHERE survey_id = $1 AND comment <> '' ORDER BY id DESC LIMIT $2`,
      [surveyId, limit],
    );
  }

  async invitationCounts(surveyIds: readonly number[]): Promise<Map<number, number>> {
    if (!surveyIds.length) return new Map();
    const rows: Array<{ survey_id: number; n: number }> = await this.dataSource.query(
      `SELECT survey_id, count(*)::int AS n FROM survey_token
       WHERE survey_id = ANY($1::int[]) AND kind = 'invitation' GROUP BY survey_id`,
      [surveyIds],
    );
    return new Map(rows.map((row) => [row.survey_id, row.n]));
  }

  async insertTokens(
    manager: EntityManager,
    surveyId: number,
    hashes: readonly string[],
    kind: SurveyToken['kind'],
  ): Promise<void> {
    await manager.insert(
      SurveyToken,
      hashes.map((tokenHash) => ({ surveyId, tokenHash, kind })),
    );
  }

  tokenOf(manager: EntityManager, surveyId: number, tokenHash: string): Promise<SurveyToken | null> {
    return manager.findOne(SurveyToken, { where: { surveyId, tokenHash } });
  }

  /**
   * Answers already given from this address, counted under a transaction-scoped advisory lock on
   * (survey, address) so that concurrent answers from one address cannot overshoot the cap.
   */
  async lockAndCountFromAddress(
    manager: EntityManager,
    surveyId: number,
    addressHash: string,
  ): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock($1::int, hashtext($2))`, [surveyId, addressHash]);
    const [{ n }]: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM survey_answer WHERE survey_id = $1 AND address_hash = $2`,
      [surveyId, addressHash],
    );
    return n;
  }

  /** Inserts the answer; a second answer on the same token violates uq_survey_answer_token. */
  async insertAnswer(
    manager: EntityManager,
    answer: Pick<
      SurveyAnswer,
      'surveyId' | 'tokenId' | 'choice' | 'respondentGroup' | 'comment' | 'addressHash'
    >,
  ): Promise<number> {
    const result = await manager.insert(SurveyAnswer, answer);
    return (result.identifiers[0] as { id: number }).id;
  }

  /** Per survey on a budget line within a unit's subtree: the answers by choice. */
  lineCounts(budgetLineId: number, unitId: number, limit: number): Promise<SurveyLineCountRow[]> {
    return this.dataSource.query(
      `SELECT s.id, s.title, u.name AS unit_name, s.count_basically_satisfied,
              count(a.id) FILTER (WHERE a.choice = 'satisfied')::int AS satisfied,
              count(a.id) FILTER (WHERE a.choice = 'basically_satisfied')::int AS basically_satisfied,
              count(a.id) FILTER (WHERE a.choice = 'dissatisfied')::int AS dissatisfied,
              count(*) OVER ()::int AS total
       FROM survey s JOIN org_unit u ON u.id = s.unit_id
       LEFT JOIN survey_answer a ON a.survey_id = s.id
       WHERE s.budget_line_id = $1 AND (u.id = $2 OR u.ancestor_ids @> ARRAY[$2::int])
       GROUP BY s.id, s.title, u.name, s.count_basically_satisfied
       ORDER BY s.id LIMIT $3`,
      [budgetLineId, unitId, limit],
    );
  }

  /** Pooled over the surveys on a line within a unit's subtree, each by its own counting rule. */
  async lineTotals(budgetLineId: number, unitId: number): Promise<{ answers: number; positive: number }> {
    const [row]: Array<{ answers: number; positive: number }> = await this.dataSource.query(
      `SELECT count(a.id)::int AS answers,
              count(a.id) FILTER (WHERE a.choice = 'satisfied'
                OR (a.choice = 'basically_satisfied' AND s.count_basically_satisfied))::int AS positive
       FROM survey s JOIN org_unit u ON u.id = s.unit_id
       JOIN survey_answer a ON a.survey_id = s.id
       WHERE s.budget_line_id = $1 AND (u.id = $2 OR u.ancestor_ids @> ARRAY[$2::int])`,
      [budgetLineId, unitId],
    );
    return row ?? { answers: 0, positive: 0 };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Candidate } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** A scored, fundable application as the selection sees it, in rank order. */
export interface CandidateRow extends Candidate {
  rank: number;
  title: string;
  categoryName: string;
  street: string;
  community: string;
  /** The default award: min(request, cap). */
  awardFen: number;
}

export interface CalendarDayRow {
  day: string;
  kind: 'holiday' | 'workday';
  name: string | null;
}

export interface ApprovedDecisionRow {
  decisionId: number;
  noticeId: number | null;
  envelopeFen: number | null;
}

export interface CommittedAwardRow {
  awardId: number;
  applicationId: number;
  title: string;
  street: string;
  community: string;
  category: string;
  amountFen: number;
  rank: number | null;
  status: string;
}

/** Reads for the selection and the 公示 calendar. It decides nothing. */
@Injectable()
export class AwardsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async calendarDays(manager: EntityManager = this.dataSource.manager): Promise<CalendarDayRow[]> {
    return manager.query(`SELECT day::text AS day, kind, name FROM calendar_day ORDER BY day`);
  }

  /** Scored, fundable applications still open to selection, in rank order (ties broken as product.md says). */
  async candidates(manager: EntityManager, competitionId: number): Promise<CandidateRow[]> {
    const rows: Array<{
      id: number;
      title: string;
      street_id: number;
      requested_subsidy_fen: string;
      score: string;
      category: string;
      category_name: string;
      cap_fen: string;
      street: string;
      community: string;
    }> = await manager.query(
      `SELECT a.id, a.title, a.street_id, a.requested_subsidy_fen, r.score, cat.key AS category, cat.name AS category_name,
              cat.cap_fen, s.name AS street, c.name AS community
       FROM application_ranking r JOIN application a ON a.id = r.application_id
       JOIN competition_category cat ON cat.id = a.category_id JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id
       WHERE r.competition_id = $1 AND r.fundable AND a.status IN ('scored', 'proposed', 'in_notice')
       ORDER BY r.score DESC, a.beneficiaries_count DESC, a.requested_subsidy_fen ASC, a.submitted_at ASC, a.id ASC`,
      [competitionId],
    );
    return rows.map((row, index) => {
      const request = Number(row.requested_subsidy_fen);
      const cap = Number(row.cap_fen);
      return {
        applicationId: row.id,
        score: Number(row.score),
        request,
        cap,
        category: row.category,
        streetId: row.street_id,
        rank: index + 1,
        title: row.title,
        categoryName: row.category_name,
        street: row.street,
        community: row.community,
        awardFen: Math.min(request, cap),
      };
    });
  }

  /** The competition's approved decision (立项), if any: at most one is ever approved. */
  async approvedDecision(manager: EntityManager, competitionId: number): Promise<ApprovedDecisionRow | null> {
    const [row]: Array<{ id: number; notice_id: number | null; envelope: string | null }> =
      await manager.query(
        `SELECT d.id, n.id AS notice_id, d.inputs ->> 'envelope' AS envelope
       FROM award_decision d LEFT JOIN public_notice n ON n.decision_id = d.id
       WHERE d.competition_id = $1 AND d.status = 'approved' ORDER BY d.id DESC LIMIT 1`,
        [competitionId],
      );
    if (!row) return null;
    return {
      decisionId: row.id,
      noticeId: row.notice_id,
      envelopeFen: row.envelope === null ? null : Number(row.envelope),
    };
  }

  /** The awards of a decision that were approved and committed on the budget line. */
  async committedAwards(manager: EntityManager, decisionId: number): Promise<CommittedAwardRow[]> {
    const rows: Array<{
      id: number;
      application_id: number;
      title: string;
      street: string;
      community: string;
      category: string;
      amount_fen: string;
      rank: number | null;
      status: string;
    }> = await manager.query(
      `SELECT w.id, w.application_id, a.title, s.name AS street, c.name AS community, cat.name AS category, w.amount_fen, w.rank, w.status
       FROM award w JOIN application a ON a.id = w.application_id JOIN org_unit s ON s.id = a.street_id
       JOIN org_unit c ON c.id = a.community_id JOIN competition_category cat ON cat.id = a.category_id
       WHERE w.decision_id = $1 AND w.status = 'approved' ORDER BY w.rank NULLS LAST, w.id`,
      [decisionId],
    );
    return rows.map((row) => ({
      awardId: row.id,
      applicationId: row.application_id,
      title: row.title,
      street: row.street,
      community: row.community,
      category: row.category,
      amountFen: Number(row.amount_fen),
      rank: row.rank,
      status: row.status,
    }));
  }
}

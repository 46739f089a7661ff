import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface PaidPersonRow {
  person_id: number;
  name: string;
  community: string;
  amount_fen: string;
  batches: number;
  people: number;
  total_fen: string;
}

/**
 * Read-only figures of paid stipend batches for the performance module (see stipends.metrics.ts):
 * the people paid and the amounts, per person, from the batches of a programme's budget line that
 * are marked paid, for a payment year, within an org unit's subtree.
 */
@Injectable()
export class StipendsMetricsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  paidPeople(
    scope: { year: number; unitId: number; budgetLineId: number },
    limit: number,
  ): Promise<PaidPersonRow[]> {
    return this.dataSource.query(
      `WITH paid AS (
         SELECT bl.person_id, min(bl.name) AS name, min(c.name) AS community,
                sum(bl.amount_fen) AS amount_fen, count(DISTINCT b.id)::int AS batches
         FROM stipend_batch_line bl
         JOIN stipend_batch b ON b.id = bl.batch_id
         JOIN stipend_programme sp ON sp.id = b.programme_id
         JOIN org_unit c ON c.id = bl.community_id
         WHERE b.status = 'paid' AND b.year = $1 AND sp.budget_line_id = $3
           AND (c.id = $2 OR c.ancestor_ids @> ARRAY[$2::int])
         GROUP BY bl.person_id
       )
       SELECT *, count(*) OVER ()::int AS people, (sum(amount_fen) OVER ())::text AS total_fen
       FROM paid ORDER BY person_id LIMIT $4`,
      [scope.year, scope.unitId, scope.budgetLineId, limit],
    );
  }
}

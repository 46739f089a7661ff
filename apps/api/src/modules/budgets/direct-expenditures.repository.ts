import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DirectExpenditureView } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { DirectExpenditure, type DirectExpenditureStatus } from './direct-expenditure.entity.js';

interface ExpenditureRow {
  id: number;
  budget_line_id: number;
  title: string;
  description: string | null;
  planned_date: string | null;
  amount_fen: string;
  status: DirectExpenditureStatus;
  source: DirectExpenditure['source'];
  version: number;
}

function toView(row: ExpenditureRow): DirectExpenditureView {
  return {
    id: row.id,
    budgetLineId: row.budget_line_id,
    title: row.title,
    description: row.description,
    plannedDate: row.planned_date,
    amountFen: Number(row.amount_fen),
    status: row.status,
    source: row.source,
    version: row.version,
  };
}

/** The direct_expenditure table (直接支出): written here and nowhere else. */
@Injectable()
export class DirectExpendituresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Expenditures on lines whose unit satisfies `scope` (SQL over l.unit_id with $1), optionally one line. */
  async views(scope: string, unitId: number, budgetLineId?: number, manager?: EntityManager): Promise<DirectExpenditureView[]> {
    const params: unknown[] = [unitId];
    if (budgetLineId) params.push(budgetLineId);
    const rows: ExpenditureRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT d.id, d.budget_line_id, d.title, d.description, d.planned_date, d.amount_fen, d.status, d.source, d.version
       FROM direct_expenditure d JOIN budget_line l ON l.id = d.budget_line_id
       WHERE ${scope} ${budgetLineId ? 'AND d.budget_line_id = $2' : ''} ORDER BY d.id`,
      params,
    );
    return rows.map(toView);
  }

  lock(manager: EntityManager, id: number): Promise<DirectExpenditure | null> {
    return manager.findOne(DirectExpenditure, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(manager: EntityManager, fields: Partial<DirectExpenditure>): Promise<DirectExpenditure> {
    return manager.save(manager.create(DirectExpenditure, fields));
  }

  async save(manager: EntityManager, expenditure: DirectExpenditure): Promise<void> {
    await manager.save(expenditure);
  }
}

import { z } from 'zod';
import { Id, Text } from './common.js';
import { Fen, SignedFen } from './money.js';

export const CreateProgrammeRequest = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  name: Text(100),
  policyRefs: z.array(Text(200)).max(20).default([]),
  description: z.string().trim().max(2000).optional(),
});
export type CreateProgrammeRequest = z.infer<typeof CreateProgrammeRequest>;

export const ProgrammeListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export type ProgrammeListQuery = z.infer<typeof ProgrammeListQuery>;

export const CreateBudgetLineRequest = z.strictObject({
  name: Text(100),
  description: z.string().trim().max(2000).optional(),
  amountFen: Fen,
});
export type CreateBudgetLineRequest = z.infer<typeof CreateBudgetLineRequest>;

/** 预算调整: a signed change with the reason that justifies it. */
export const BudgetAdjustmentRequest = z.strictObject({
  amountFen: SignedFen.refine((value) => value !== 0, { message: 'nonzero' }),
  reason: Text(500),
});
export type BudgetAdjustmentRequest = z.infer<typeof BudgetAdjustmentRequest>;

export const CreateDirectExpenditureRequest = z.strictObject({
  budgetLineId: Id,
  title: Text(100),
  description: z.string().trim().max(2000).optional(),
  plannedDate: z.iso.date().optional(),
  amountFen: Fen.min(1),
});
export type CreateDirectExpenditureRequest = z.infer<typeof CreateDirectExpenditureRequest>;

export interface LedgerSummary {
  budgetFen: number;
  adjustmentsFen: number;
  /** budget + adjustments */
  adjustedBudgetFen: number;
  committedFen: number;
  committedBySource: { award: number; direct_expenditure: number; stipend: number };
  paidFen: number;
  /** adjusted budget − committed */
  availableFen: number;
  /** envelopes of live competitions not yet committed, and planned direct expenditures */
  reservedFen: number;
  /** available − reserved: what a new competition or expenditure may still claim */
  unreservedFen: number;
  /** 预算执行率: paid ÷ adjusted budget, in basis points */
  executionRateBp: number;
}

export interface BudgetLineView {
  id: number;
  programmeId: number;
  name: string;
  description: string | null;
  ledger: LedgerSummary;
  version: number;
}

export interface ProgrammeView {
  id: number;
  year: number;
  name: string;
  policyRefs: string[];
  description: string | null;
  lines: BudgetLineView[];
  totalBudgetFen: number;
  version: number;
}

/** Movements on a budget line's ledger, and what caused them (the web labels each). */
export const LEDGER_KINDS = ['adjustment', 'commitment', 'decommitment', 'payment', 'payment_reversal'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const LEDGER_SOURCES = ['adjustment', 'award', 'direct_expenditure', 'stipend'] as const;
export type LedgerSource = (typeof LEDGER_SOURCES)[number];

export interface LedgerEntryView {
  id: number;
  /** A LedgerKind. */
  kind: string;
  /** A LedgerSource. */
  source: string;
  sourceId: number | null;
  amountFen: number;
  reason: string | null;
  actorUserId: number | null;
  createdAt: string;
}

export const DIRECT_EXPENDITURE_STATUSES = ['planned', 'committed', 'paid', 'cancelled'] as const;
export type DirectExpenditureStatus = (typeof DIRECT_EXPENDITURE_STATUSES)[number];

export interface DirectExpenditureView {
  id: number;
  budgetLineId: number;
  title: string;
  description: string | null;
  plannedDate: string | null;
  amountFen: number;
  /** A DirectExpenditureStatus. */
  status: string;
  /**
   * Null for the budget office's own spending; 'social_org_tranche' when it pays a social
   * organisation's tranche: then only that tranche's request approves and pays it (the 尾款 gate).
   */
  source: 'social_org_tranche' | null;
  version: number;
}

import { Application } from '../modules/applications/application.entity.js';
import { ApplicationStatusChange } from '../modules/applications/application-status-change.entity.js';
import { AuditChainCheck } from '../modules/audit/audit-chain-check.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { RefreshToken } from '../modules/auth/refresh-token.entity.js';
import { BudgetLine } from '../modules/budgets/budget-line.entity.js';
import { DirectExpenditure } from '../modules/budgets/direct-expenditure.entity.js';
import { LedgerEntry } from '../modules/budgets/ledger-entry.entity.js';
import { Programme } from '../modules/budgets/programme.entity.js';
import { CompetitionCategory } from '../modules/competitions/competition-category.entity.js';
import { Competition } from '../modules/competitions/competition.entity.js';
import { ExportJob } from '../modules/exports/export-job.entity.js';
import { Attachment } from '../modules/files/attachment.entity.js';
import { Notification } from '../modules/notifications/notification.entity.js';
import { OrgUnit } from '../modules/orgs/org-unit.entity.js';
import { User } from '../modules/users/user.entity.js';

/** Every entity, by class reference (TypeORM 1 wants classes, not globs). */
export const ENTITIES = [
  OrgUnit,
  User,
  RefreshToken,
  AuditEvent,
  AuditChainCheck,
  Programme,
  BudgetLine,
  LedgerEntry,
  DirectExpenditure,
  Competition,
  CompetitionCategory,
  Application,
  ApplicationStatusChange,
  Attachment,
  Notification,
  ExportJob,
];

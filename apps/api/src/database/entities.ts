import { Application } from '../modules/applications/application.entity.js';
import { ApplicationStatusChange } from '../modules/applications/application-status-change.entity.js';
import { AuditChainCheck } from '../modules/audit/audit-chain-check.entity.js';
import { AuditChainHead } from '../modules/audit/audit-chain-head.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { RefreshToken } from '../modules/auth/refresh-token.entity.js';
import { BudgetLine } from '../modules/budgets/budget-line.entity.js';
import { DirectExpenditure } from '../modules/budgets/direct-expenditure.entity.js';
import { LedgerEntry } from '../modules/budgets/ledger-entry.entity.js';
import { LedgerFigure, LedgerStreetFigure } from '../modules/budgets/ledger-figure.entities.js';
import { Programme } from '../modules/budgets/programme.entity.js';
import { CompetitionCategory } from '../modules/competitions/competition-category.entity.js';
import { Competition } from '../modules/competitions/competition.entity.js';
import { Award, AwardDecision, CalendarDay, Objection, PublicNotice } from '../modules/awards/award.entities.js';
import { ExportJob } from '../modules/exports/export-job.entity.js';
import { Attachment } from '../modules/applications/attachment.entity.js';
import { Notification } from '../modules/notifications/notification.entity.js';
import { NotificationDelivery } from '../modules/notifications/notification-delivery.entity.js';
import {
  NotificationDistrictDefault,
  NotificationPreference,
  NotificationProfile,
  PhoneVerification,
} from '../modules/notifications/notification-settings.entities.js';
import { OrgUnit } from '../modules/orgs/org-unit.entity.js';
import {
  ApplicationRanking,
  ReviewAssignment,
  ReviewConflictRecord,
  ReviewerProfile,
  ReviewPanel,
  ReviewPanelMember,
  ScoreSheet,
} from '../modules/reviews/review.entities.js';
import { StipendBatchLine } from '../modules/stipends/stipend-batch-line.entity.js';
import { StipendBuildingLeader } from '../modules/stipends/stipend-building-leader.entity.js';
import {
  StudyTrip,
  StudyTripCost,
  StudyTripEvidence,
  StudyTripParticipant,
  TrainingNormVersion,
} from '../modules/trips/trips.entities.js';
import {
  SocialOrg,
  SocialOrgAgreement,
  SocialOrgEvaluation,
  SocialOrgTranche,
} from '../modules/social-orgs/social-orgs.entities.js';
import { StipendBatch } from '../modules/stipends/stipend-batch.entity.js';
import { StipendPerson } from '../modules/stipends/stipend-person.entity.js';
import { StipendPost } from '../modules/stipends/stipend-post.entity.js';
import { StipendProgramme } from '../modules/stipends/stipend-programme.entity.js';
import { StipendReportEntry } from '../modules/stipends/stipend-report-entry.entity.js';
import { StipendRuleVersion } from '../modules/stipends/stipend-rule-version.entity.js';
import { StipendStreetReport } from '../modules/stipends/stipend-street-report.entity.js';
import { User } from '../modules/users/user.entity.js';
import {
  Inspection,
  InspectionInspector,
  InspectorConflict,
  ProgressReport,
  Project,
  ProjectMilestone,
  ProjectFigure,
  ProjectPhoto,
  ProjectTranche,
} from '../modules/delivery/delivery.entities.js';
import { Payment } from '../modules/payments/payment.entity.js';
import {
  PerformanceDeviationNote,
  PerformanceEvaluation,
  PerformanceEvidence,
  PerformanceIndicator,
  PerformanceManualValue,
  PerformanceStreetReport,
  PerformanceTable,
  PerformanceTableLine,
  PerformanceTableVersion,
} from '../modules/performance/performance.entities.js';
import { Survey, SurveyAnswer, SurveyToken } from '../modules/surveys/surveys.entities.js';

/** Every entity, by class reference (TypeORM 1 wants classes, not globs). */
export const ENTITIES = [
  OrgUnit,
  User,
  RefreshToken,
  AuditEvent,
  AuditChainCheck,
  AuditChainHead,
  Programme,
  BudgetLine,
  LedgerEntry,
  LedgerFigure,
  LedgerStreetFigure,
  DirectExpenditure,
  Competition,
  CompetitionCategory,
  Application,
  ApplicationStatusChange,
  Attachment,
  Notification,
  ExportJob,
  ReviewerProfile,
  ReviewPanel,
  ReviewPanelMember,
  ReviewConflictRecord,
  ReviewAssignment,
  ScoreSheet,
  ApplicationRanking,
  AwardDecision,
  Award,
  PublicNotice,
  Objection,
  CalendarDay,
  // stipends
  StipendProgramme,
  StipendRuleVersion,
  StipendPerson,
  StipendPost,
  StipendStreetReport,
  StipendReportEntry,
  StipendBatch,
  StipendBatchLine,
  StipendBuildingLeader,
  // delivery and payments
  Project,
  ProjectMilestone,
  ProjectTranche,
  ProgressReport,
  Inspection,
  InspectionInspector,
  InspectorConflict,
  ProjectPhoto,
  ProjectFigure,
  Payment,
  // performance targets and surveys
  PerformanceTable,
  PerformanceTableLine,
  PerformanceTableVersion,
  PerformanceIndicator,
  PerformanceEvidence,
  PerformanceManualValue,
  PerformanceEvaluation,
  PerformanceDeviationNote,
  PerformanceStreetReport,
  Survey,
  SurveyToken,
  SurveyAnswer,
  // issue 15: study trips and social organisations
  TrainingNormVersion,
  StudyTrip,
  StudyTripParticipant,
  StudyTripCost,
  StudyTripEvidence,
  SocialOrg,
  SocialOrgAgreement,
  SocialOrgEvaluation,
  SocialOrgTranche,
  // notifications (issue 14): deliveries, preferences, phone verification
  NotificationDelivery,
  NotificationPreference,
  NotificationDistrictDefault,
  NotificationProfile,
  PhoneVerification,
];

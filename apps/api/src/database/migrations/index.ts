import { Init1763880000000 } from './1763880000000-Init.js';
import { AuditChain1763880000001 } from './1763880000001-AuditChain.js';
import { CompetitionPipeline1763880000002 } from './1763880000002-CompetitionPipeline.js';
import { Reviews1763880000003 } from './1763880000003-Reviews.js';
import { ReviewConflicts1763880000004 } from './1763880000004-ReviewConflicts.js';
import { Awards1763880000005 } from './1763880000005-Awards.js';
import { Calendar20261763880000006 } from './1763880000006-Calendar2026.js';
import { Stipends1763880000100 } from './1763880000100-Stipends.js';
import { Delivery1763880000200 } from './1763880000200-Delivery.js';
import { PerformanceTargets1764000000200 } from './1764000000200-PerformanceTargets.js';
import { AnnualPlan1764000000300 } from './1764000000300-AnnualPlan.js';
import { DashboardIndexes1764000000400 } from './1764000000400-DashboardIndexes.js';
import { Notifications1764000000500 } from './1764000000500-Notifications.js';
import { ApplicationsFollowProjects1764000000700 } from './1764000000700-ApplicationsFollowProjects.js';
import { ModuleOwnership1764000000750 } from './1764000000750-ModuleOwnership.js';
import { ScaleReadIndexes1764000000800 } from './1764000000800-ScaleReadIndexes.js';
import { LedgerFigures1764000000900 } from './1764000000900-LedgerFigures.js';
import { CitiesAboveDistricts1764000000910 } from './1764000000910-CitiesAboveDistricts.js';
import { AuditPartitions1764000000990 } from './1764000000990-AuditPartitions.js';
import { StipendBatchLinePages1764000000995 } from './1764000000995-StipendBatchLinePages.js';
import { RollupFigures1764000001000 } from './1764000001000-RollupFigures.js';
import { ApplicationDistrict1764000001100 } from './1764000001100-ApplicationDistrict.js';
import { AuditDistrict1764000001200 } from './1764000001200-AuditDistrict.js';
import { AuditStreet1764000001300 } from './1764000001300-AuditStreet.js';

/** Every migration in order. Never edit one that has been merged: add a new one. */
export const MIGRATIONS: Function[] = [
  Init1763880000000,
  AuditChain1763880000001,
  CompetitionPipeline1763880000002,
  Reviews1763880000003,
  ReviewConflicts1763880000004,
  Awards1763880000005,
  Calendar20261763880000006,
  Stipends1763880000100,
  Delivery1763880000200,
  PerformanceTargets1764000000200,
  AnnualPlan1764000000300,
  DashboardIndexes1764000000400,
  Notifications1764000000500,
  ApplicationsFollowProjects1764000000700,
  ModuleOwnership1764000000750,
  ScaleReadIndexes1764000000800,
  LedgerFigures1764000000900,
  CitiesAboveDistricts1764000000910,
  AuditPartitions1764000000990,
  StipendBatchLinePages1764000000995,
  RollupFigures1764000001000,
  ApplicationDistrict1764000001100,
  AuditDistrict1764000001200,
  AuditStreet1764000001300,
];

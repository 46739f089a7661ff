import { AuditChainCheck } from '../modules/audit/audit-chain-check.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { RefreshToken } from '../modules/auth/refresh-token.entity.js';
import { OrgUnit } from '../modules/orgs/org-unit.entity.js';
import { User } from '../modules/users/user.entity.js';

/** Every entity, by class reference (TypeORM 1 wants classes, not globs). */
export const ENTITIES = [OrgUnit, User, RefreshToken, AuditEvent, AuditChainCheck];

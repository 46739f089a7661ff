import { Init1763880000000 } from './1763880000000-Init.js';
import { AuditChain1763880000001 } from './1763880000001-AuditChain.js';
import { CompetitionPipeline1763880000002 } from './1763880000002-CompetitionPipeline.js';

/** Every migration in order. Never edit one that has been merged: add a new one. */
export const MIGRATIONS: Function[] = [Init1763880000000, AuditChain1763880000001, CompetitionPipeline1763880000002];

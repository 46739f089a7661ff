/**
 * The services the demo seed calls, wired by hand over the seed's DataSource: the same classes and
 * methods the API's routes call, so that the demo's building-leader quarter, study trip and social
 * organisations are made exactly as users make them (validation, ledger, audit). One difference,
 * on purpose: seeding sends no e-mail or SMS — notifications are written in-app, their external
 * delivery is not queued.
 */
import { permissionsOf, type Role } from '@xiaoshi/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedActor } from '../common/actor.js';
import { loadConfigFromEnvironment } from '../config/app-config.js';
import { AccessService } from '../modules/access/access.service.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { BudgetsService } from '../modules/budgets/budgets.service.js';
import { LedgerService } from '../modules/budgets/ledger.service.js';
import { DeliveryService } from '../modules/delivery/delivery.service.js';
import { FileStore } from '../modules/files/file-store.js';
import { NotificationsService } from '../modules/notifications/notifications.service.js';
import { PaymentsService } from '../modules/payments/payments.service.js';
import { AgreementsService } from '../modules/social-orgs/agreements.service.js';
import { SocialOrgsRepository } from '../modules/social-orgs/social-orgs.repository.js';
import { SocialOrgsService } from '../modules/social-orgs/social-orgs.service.js';
import { TranchePaymentsService } from '../modules/social-orgs/tranche-payments.service.js';
import { BuildingLeadersService } from '../modules/stipends/building-leaders.service.js';
import { RosterRepository } from '../modules/stipends/roster.repository.js';
import { StipendBatchesService } from '../modules/stipends/stipend-batches.service.js';
import { StipendProgrammesService } from '../modules/stipends/stipend-programmes.service.js';
import { StipendRatesService } from '../modules/stipends/stipend-rates.service.js';
import { StipendReportsService } from '../modules/stipends/stipend-reports.service.js';
import { StipendRosterService } from '../modules/stipends/stipend-roster.service.js';
import { TrainingNormsService } from '../modules/trips/training-norms.service.js';
import { TripCompletionService } from '../modules/trips/trip-completion.service.js';
import { TripsRepository } from '../modules/trips/trips.repository.js';
import { TripsService } from '../modules/trips/trips.service.js';
import type { QueueService } from '../queue/queue.service.js';

export type SeedServices = ReturnType<typeof seedServices>;

/** In-app notifications only: the seed queues no external delivery. */
const NO_EXTERNAL_DELIVERY = { enqueue: async () => undefined } as unknown as QueueService;

export function seedServices(dataSource: DataSource) {
  const config = loadConfigFromEnvironment();
  const access = new AccessService(dataSource);
  const audit = new AuditService(dataSource);
  const ledger = new LedgerService(audit);
  const files = new FileStore(config);
  const notifications = new NotificationsService(dataSource, NO_EXTERNAL_DELIVERY, []);
  const budgets = new BudgetsService(dataSource, access, audit, ledger);
  const payments = new PaymentsService(
    dataSource,
    access,
    audit,
    ledger,
    new DeliveryService(dataSource, access, audit, files, notifications),
  );
  const programmes = new StipendProgrammesService(dataSource, access, audit);
  const roster = new StipendRosterService(dataSource, access, audit, programmes);
  const rosterRepository = new RosterRepository();
  const rates = new StipendRatesService(rosterRepository);
  const tripsRepository = new TripsRepository(dataSource);
  const trips = new TripsService(dataSource, access, audit, tripsRepository);
  const orgsRepository = new SocialOrgsRepository(dataSource);
  const agreements = new AgreementsService(dataSource, access, audit, budgets, payments, orgsRepository);
  return {
    budgets,
    payments,
    programmes,
    leaders: new BuildingLeadersService(dataSource, audit, programmes, roster, rates, rosterRepository),
    reports: new StipendReportsService(dataSource, access, audit, notifications, programmes, rates),
    batches: new StipendBatchesService(dataSource, access, audit, ledger, programmes, rates),
    norms: new TrainingNormsService(dataSource, access, audit, tripsRepository),
    trips,
    completion: new TripCompletionService(dataSource, access, audit, budgets, files, tripsRepository, trips),
    orgs: new SocialOrgsService(dataSource, access, audit, orgsRepository),
    agreements,
    tranches: new TranchePaymentsService(dataSource, access, audit, budgets, payments, agreements, orgsRepository),
  };
}

/** A demo account acting as itself (the seed signs nobody in; it builds the same identity). */
export async function demoActor(dataSource: DataSource, username: string): Promise<AuthenticatedActor> {
  const [row]: Array<{
    id: number;
    username: string;
    display_name: string;
    roles: Role[];
    unit_id: number;
    unit_name: string;
    unit_kind: 'district' | 'street' | 'community' | 'organisation';
  }> = await dataSource.query(
    `SELECT u.id, u.username, u.display_name, u.roles, u.unit_id, o.name AS unit_name, o.kind AS unit_kind
     FROM app_user u JOIN org_unit o ON o.id = u.unit_id WHERE u.username = $1`,
    [username],
  );
  if (!row) throw new Error(`demo user ${username} is missing`);
  return {
    user: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      permissions: new Set(permissionsOf(row.roles)),
      unit: { id: row.unit_id, name: row.unit_name, kind: row.unit_kind },
      mustChangePassword: false,
    },
    requestId: 'seed-annual-plan',
    ip: '127.0.0.1',
  };
}

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
import { ApplicationLifecycleRepository } from '../modules/applications/application-lifecycle.repository.js';
import { ApplicationLifecycleService } from '../modules/applications/application-lifecycle.service.js';
import { DeliveryService } from '../modules/delivery/delivery.service.js';
import { InspectionsRepository } from '../modules/delivery/inspections.repository.js';
import { InspectionsService } from '../modules/delivery/inspections.service.js';
import { ProgressRepository } from '../modules/delivery/progress.repository.js';
import { ProgressService } from '../modules/delivery/progress.service.js';
import { ProjectMovesService } from '../modules/delivery/project-moves.service.js';
import { ProjectsRepository } from '../modules/delivery/projects.repository.js';
import { ProjectsService } from '../modules/delivery/projects.service.js';
import { FileStore } from '../modules/files/file-store.js';
import { NotificationsService } from '../modules/notifications/notifications.service.js';
import { PaymentApprovalsService } from '../modules/payments/payment-approvals.service.js';
import { PaymentRecordingService } from '../modules/payments/payment-recording.service.js';
import { PaymentRequestsService } from '../modules/payments/payment-requests.service.js';
import { PaymentsRepository } from '../modules/payments/payments.repository.js';
import { PaymentsService } from '../modules/payments/payments.service.js';
import { AgreementsService } from '../modules/social-orgs/agreements.service.js';
import { SocialOrgsRepository } from '../modules/social-orgs/social-orgs.repository.js';
import { SocialOrgsService } from '../modules/social-orgs/social-orgs.service.js';
import { TranchePaymentsService } from '../modules/social-orgs/tranche-payments.service.js';
import { stipendServices } from '../modules/stipends/stipends.wiring.js';
import { TrainingNormsService } from '../modules/trips/training-norms.service.js';
import { TripCompletionService } from '../modules/trips/trip-completion.service.js';
import { TripsRepository } from '../modules/trips/trips.repository.js';
import { TripsService } from '../modules/trips/trips.service.js';
import type { QueueService } from '../queue/queue.service.js';

export type SeedServices = ReturnType<typeof seedServices>;

/** In-app notifications only: the seed queues no external delivery. */
const NO_EXTERNAL_DELIVERY = { enqueue: async () => undefined } as unknown as QueueService;

/** Payments with the delivery services they call, wired as the API's modules wire them. */
function paymentsService(
  dataSource: DataSource,
  deps: {
    access: AccessService;
    audit: AuditService;
    ledger: LedgerService;
    budgets: BudgetsService;
    notifications: NotificationsService;
  },
): PaymentsService {
  const { access, audit, ledger, budgets, notifications } = deps;
  const projectsRepository = new ProjectsRepository(dataSource, access);
  const progressRepository = new ProgressRepository(dataSource);
  const projects = new ProjectsService(projectsRepository, access, audit);
  const lifecycle = new ApplicationLifecycleService(new ApplicationLifecycleRepository(), audit);
  const moves = new ProjectMovesService(projectsRepository, lifecycle, audit);
  const inspections = new InspectionsService(new InspectionsRepository(dataSource), projects, moves, access, notifications);
  const progress = new ProgressService(progressRepository, projectsRepository, projects, access, audit);
  const delivery = new DeliveryService(
    projects,
    progress,
    inspections,
    moves,
    projectsRepository,
    progressRepository,
    notifications,
  );
  const repository = new PaymentsRepository(dataSource, access);
  const requests = new PaymentRequestsService(repository, access, audit, budgets, delivery);
  return new PaymentsService(
    requests,
    new PaymentApprovalsService(repository, requests, audit),
    new PaymentRecordingService(repository, requests, audit, ledger, budgets, delivery),
  );
}

export function seedServices(dataSource: DataSource) {
  const config = loadConfigFromEnvironment();
  const access = new AccessService(dataSource);
  const audit = new AuditService(dataSource);
  const ledger = new LedgerService(audit);
  const files = new FileStore(config);
  const notifications = new NotificationsService(dataSource, NO_EXTERNAL_DELIVERY, []);
  const budgets = new BudgetsService(dataSource, access, audit, ledger);
  const payments = paymentsService(dataSource, { access, audit, ledger, budgets, notifications });
  // The stipends module wires its own services (many small ones) for code that runs without Nest.
  const stipends = stipendServices(dataSource, { access, audit, ledger, notifications });
  const tripsRepository = new TripsRepository(dataSource);
  const trips = new TripsService(dataSource, access, audit, tripsRepository);
  const orgsRepository = new SocialOrgsRepository(dataSource);
  const agreements = new AgreementsService(dataSource, access, audit, budgets, payments, orgsRepository);
  return {
    budgets,
    payments,
    programmes: stipends.programmes,
    leaders: stipends.leaders,
    reports: stipends.reports,
    batches: stipends.batches,
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

/**
 * The services the demo seed calls: the API's own modules, booted the way the worker boots them
 * (a Nest application context, no HTTP), so that the demo is made by exactly the classes and
 * methods the routes call — validation, ledger, audit, notifications — and follows them whenever
 * a module is refactored.
 *
 * Two differences, on purpose:
 * - the seed queues nothing. A job the story needs (ranking the score sheets, opening the projects
 *   of an approval) is run here, by its own handler, once the step that asked for it is over, as
 *   the worker would run it; the others (e-mail and SMS of the in-app notifications, exports) are
 *   dropped, so demo seeding never sends anything and needs no worker;
 * - it signs nobody in: `actor(username)` builds the same identity the access guard builds.
 */
import type { INestApplicationContext, Type } from '@nestjs/common';
import { DiscoveryService, NestFactory, Reflector } from '@nestjs/core';
import { permissionsOf, type OrgUnitKind, type Role } from '@xiaoshi/contracts';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { AppModule } from '../app.module.js';
import type { Actor, AuthenticatedActor } from '../common/actor.js';
import type { AppConfig } from '../config/app-config.js';
import { JOB_HANDLER, type JobHandler } from '../queue/job-handler.js';
import type { JobName } from '../queue/jobs.js';
import { QueueService } from '../queue/queue.service.js';

/** Jobs whose work is part of the story; every other job is dropped. */
const STORY_JOBS: ReadonlySet<JobName> = new Set<JobName>(['reviews.rank', 'delivery.open-projects']);

export const SEED_ACTOR: Actor = { user: null, requestId: 'seed', ip: '127.0.0.1' };

export class SeedContext {
  private readonly pending = new Map<string, { name: JobName; payload: unknown }>();
  private readonly handlers = new Map<string, JobHandler<JobName>>();
  private readonly actors = new Map<string, AuthenticatedActor>();

  private constructor(
    private readonly app: INestApplicationContext,
    readonly dataSource: DataSource,
  ) {}

  static async open(config: AppConfig): Promise<SeedContext> {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
      logger: config.logLevel === 'silent' ? false : ['error', 'warn'],
    });
    const context = new SeedContext(app, app.get(DataSource));
    context.holdJobs();
    await context.commitWithoutWaiting();
    return context;
  }

  /**
   * The seed commits a few thousand small transactions; it does not wait for each commit to reach
   * the disk (synchronous_commit = off: a crash may lose the last commits, never corrupt anything —
   * and seed-guard.ts refuses a demo year that stopped half way). Only the seeding process's connections.
   */
  private async commitWithoutWaiting(): Promise<void> {
    const pool = (this.dataSource.driver as PostgresDriver).master as {
      options: { options?: string };
      query(sql: string): Promise<unknown>;
    };
    // Connections opened from now on start with it; the one already open is told.
    pool.options.options = [pool.options.options, '-c synchronous_commit=off'].filter(Boolean).join(' ');
    await pool.query('SET synchronous_commit TO off');
  }

  get<T>(type: Type<T>): T {
    return this.app.get(type, { strict: false });
  }

  /** Replaces enqueueing with a list of the story's jobs, run by `runJobs`. */
  private holdJobs(): void {
    const discovery = this.app.get(DiscoveryService);
    const reflector = this.app.get(Reflector);
    for (const wrapper of discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const name = reflector.get<JobName | undefined>(JOB_HANDLER, wrapper.metatype);
      if (name) this.handlers.set(name, wrapper.instance as JobHandler<JobName>);
    }
    const hold = async (name: JobName, payload: unknown): Promise<Job> => {
      if (STORY_JOBS.has(name)) this.pending.set(`${name}:${JSON.stringify(payload)}`, { name, payload });
      return { id: `seed:${name}` } as unknown as Job;
    };
    Object.defineProperty(this.get(QueueService), 'enqueue', { value: hold, configurable: true });
  }

  /** Runs the story's jobs asked for since the last call (each once), as the worker would. */
  async runJobs(): Promise<void> {
    while (this.pending.size) {
      const jobs = [...this.pending.values()];
      this.pending.clear();
      for (const job of jobs) {
        const handler = this.handlers.get(job.name);
        if (!handler) throw new Error(`no handler for job ${job.name}`);
        await handler.handle(job.payload as never);
      }
    }
  }

  /** A demo account acting as itself. */
  async actor(username: string): Promise<AuthenticatedActor> {
    const known = this.actors.get(username);
    if (known) return known;
    const [row]: Array<{
      id: number;
      username: string;
      display_name: string;
      roles: Role[];
      unit_id: number;
      unit_name: string;
      unit_kind: OrgUnitKind;
    }> = await this.dataSource.query(
      `SELECT u.id, u.username, u.display_name, u.roles, u.unit_id, o.name AS unit_name, o.kind AS unit_kind
       FROM app_user u JOIN org_unit o ON o.id = u.unit_id WHERE u.username = $1`,
      [username],
    );
    if (!row) throw new Error(`demo user ${username} is missing`);
    const actor: AuthenticatedActor = {
      user: {
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        roles: row.roles,
        permissions: new Set(permissionsOf(row.roles)),
        unit: { id: row.unit_id, name: row.unit_name, kind: row.unit_kind },
        mustChangePassword: false,
      },
      requestId: `seed:${username}`,
      ip: '127.0.0.1',
    };
    this.actors.set(username, actor);
    return actor;
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

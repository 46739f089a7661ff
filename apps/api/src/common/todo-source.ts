import { SetMetadata } from '@nestjs/common';
import type { AuthUser } from './actor.js';

/**
 * The contract between the 工作台 (workbench, in the dashboards module) and the modules where work
 * waits for someone: applications to screen, sheets to score, payments to approve… A module
 * publishes its waiting work by declaring a provider class marked `@TodoSource()` that implements
 * `TodoSourceProvider`; the workbench discovers every such provider at boot (Nest's
 * DiscoveryService), so dependencies stay one way: no source module imports the dashboards module,
 * and the dashboards module never reads another module's tables.
 */
export const TODO_SOURCE = 'xiaoshi:todo-source';

/** Marks an injectable provider class as a publisher of 待办 (things waiting for a user). */
export const TodoSource = (): ClassDecorator => SetMetadata(TODO_SOURCE, true);

/** What waits for one user: a kind of work, how many, and where to do it. */
export interface TodoItem {
  /** Stable key, `module.what`, e.g. 'applications.to_screen'. One kind may repeat per programme. */
  kind: string;
  /** How many items wait; providers leave out kinds with nothing waiting. */
  count: number;
  /** A portal path that opens the items, filtered where the page allows ('/applications?status=submitted'). */
  link: string;
  label: { zh: string; en: string };
  /** The earliest deadline among the items (YYYY-MM-DD, Asia/Shanghai), or null when they have none. */
  oldestDue: string | null;
}

export interface TodoSourceProvider {
  /**
   * The work waiting for `user` as of `now`. Each count uses the user's own permissions and org
   * scope: a provider answers [] for a user who cannot act on its items.
   */
  todos(user: AuthUser, now: Date): Promise<TodoItem[]>;
}

/** Whether the user holds any of these permissions (providers decide which items apply). */
export function holds(
  user: AuthUser,
  ...permissions: Parameters<AuthUser['permissions']['has']>[0][]
): boolean {
  return permissions.some((permission) => user.permissions.has(permission));
}

import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { TodoView, WorkbenchView } from '@xiaoshi/contracts';
import type { AuthUser } from '../../common/actor.js';
import { TODO_SOURCE, type TodoSourceProvider } from '../../common/todo-source.js';
import { WorkbenchFiguresService } from './workbench-figures.service.js';

/** Items with a deadline first (earliest first), then the rest in the sources' order. */
function byDue(a: TodoView, b: TodoView): number {
  if (a.oldestDue === b.oldestDue) return 0;
  if (a.oldestDue === null) return 1;
  if (b.oldestDue === null) return -1;
  return a.oldestDue.localeCompare(b.oldestDue);
}

/**
 * The 工作台 (issue 11 §8): what waits for the signed-in user, from every provider marked
 * `@TodoSource()` (apps/api/src/common/todo-source.ts), found once through Nest's DiscoveryService,
 * and the figures their role cares about. A module that starts publishing 待办 needs no change here.
 */
@Injectable()
export class WorkbenchService {
  private readonly logger = new Logger(WorkbenchService.name);
  private providers: Array<{ name: string; source: TodoSourceProvider }> | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly figures: WorkbenchFiguresService,
  ) {}

  private sources(): Array<{ name: string; source: TodoSourceProvider }> {
    if (this.providers) return this.providers;
    const found: Array<{ name: string; source: TodoSourceProvider }> = [];
    const seen = new Set<unknown>();
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype || typeof metatype !== 'function' || seen.has(instance)) continue;
      if (!this.reflector.get<boolean | undefined>(TODO_SOURCE, metatype)) continue;
      seen.add(instance);
      found.push({ name: metatype.name, source: instance as TodoSourceProvider });
    }
    this.providers = found;
    return found;
  }

  /** The names of the discovered sources (for the tests and the boot log). */
  sourceNames(): string[] {
    return this.sources().map((entry) => entry.name);
  }

  async workbench(user: AuthUser, now = new Date()): Promise<WorkbenchView> {
    const [todos, figures] = await Promise.all([this.todos(user, now), this.figures.of(user, now)]);
    return { todos, figures, computedAt: now.toISOString() };
  }

  private async todos(user: AuthUser, now: Date): Promise<TodoView[]> {
    const settled = await Promise.allSettled(this.sources().map(({ source }) => source.todos(user, now)));
    const items: TodoView[] = [];
    settled.forEach((result, index) => {
      if (result.status === 'fulfilled') items.push(...result.value.filter((item) => item.count > 0));
      // One module's failure must not empty the whole 工作台; the rest still shows.
      else
        this.logger.error(
          `todo source ${this.sources()[index].name} failed: ${(result.reason as Error).message}`,
        );
    });
    return items.sort(byDue);
  }
}

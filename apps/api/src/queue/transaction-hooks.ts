import {
  EventSubscriber,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

interface Pending {
  commit: Array<() => void>;
  rollback: Array<() => void>;
}

const pending = new WeakMap<QueryRunner, Pending>();

/**
 * Runs `hooks.commit` once the outermost transaction of `manager` has committed, or
 * `hooks.rollback` once it has rolled back. Returns false (and registers nothing) when the manager
 * is not inside a transaction. Hooks run synchronously after COMMIT/ROLLBACK and must not throw:
 * they start their own asynchronous work and handle its failures.
 */
export function onTransactionEnd(
  manager: EntityManager,
  hooks: { commit: () => void; rollback: () => void },
): boolean {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return false;
  let entry = pending.get(runner);
  if (!entry) {
    entry = { commit: [], rollback: [] };
    pending.set(runner, entry);
  }
  entry.commit.push(hooks.commit);
  entry.rollback.push(hooks.rollback);
  return true;
}

function settle(runner: QueryRunner, outcome: keyof Pending): void {
  // A savepoint released or rolled back leaves the outer transaction open: wait for its end.
  if (runner.isTransactionActive) return;
  const entry = pending.get(runner);
  if (!entry) return;
  pending.delete(runner);
  for (const hook of entry[outcome]) hook();
}

/** Registered on the DataSource (data-source.ts): TypeORM calls it around every transaction. */
@EventSubscriber()
export class TransactionHooks implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    settle(event.queryRunner, 'commit');
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    settle(event.queryRunner, 'rollback');
  }
}

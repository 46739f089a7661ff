/**
 * SIGTERM/SIGINT: close the Nest app (which closes the database pool, queues and Redis) but never
 * wait longer than the deadline — with Redis unreachable, a graceful close can hang.
 */
export function closeOnSignals(close: () => Promise<unknown>, log: (message: string) => void, deadlineMs = 8000) {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log(`${signal} received; shutting down`);
    const timer = setTimeout(() => {
      log(`shutdown exceeded ${deadlineMs} ms; exiting`);
      process.exit(1);
    }, deadlineMs);
    timer.unref();
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

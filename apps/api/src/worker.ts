import 'reflect-metadata';
import { loadConfigFromEnvironment } from './config/app-config.js';
import { runMigrations } from './database/migrate.js';
import { createWorker, type RunningWorker } from './queue/worker.factory.js';
import { closeOnSignals } from './shutdown.js';

const log = (message: string) => console.log(JSON.stringify({ level: 'info', time: Date.now(), msg: message }));
let worker: RunningWorker | null = null;
// Signals are handled from the start: if Redis is unreachable, createWorker may wait for it
// indefinitely, and SIGTERM must still stop the process in time.
closeOnSignals(async () => worker?.close(), log);

const config = loadConfigFromEnvironment();
log('worker starting');
await runMigrations(config);
worker = await createWorker(config);
log('Xiaoshi worker running');

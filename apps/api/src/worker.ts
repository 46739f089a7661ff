import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { setProcessPriority } from './common/cpu-priority.js';
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
// Jobs yield the CPU to the API's requests where both share cores (issue 13): an Excel export of
// 116,000 rows beside a saturated API raised the API's p99 by 18–51 % at nice 0 and 4–12 % with
// every thread at 19 (the export itself then took ~10 s instead of ~7 s; alone it is as fast).
// Raising one's own nice value needs no privilege.
try {
  setProcessPriority(config.queue.workerNice);
} catch (error) {
  log(`worker priority left unchanged: ${error instanceof Error ? error.message : String(error)}`);
}
// Collections sooner, for a peak the machine can plan on: jobs stream big outputs, and V8's own
// factor let the heap fill with their garbage up to 4× what stays alive (see the setting).
const heapGrowing = config.queue.workerHeapGrowingPercent;
if (heapGrowing > 0) setFlagsFromString(`--heap-growing-percent=${heapGrowing}`);
log(`worker starting (nice ${config.queue.workerNice}, heap growth ${heapGrowing > 0 ? `${heapGrowing} %` : "V8's own"})`);
await runMigrations(config);
worker = await createWorker(config);
log('Xiaoshi worker running');

import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from './jobs.js';

export const JOB_HANDLER = 'xiaoshi:job-handler';

/** Marks a provider as the handler of one job; exactly one per job name, checked at boot. */
export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER, name);

export interface JobHandler<N extends JobName> {
  handle(payload: JobPayloads[N]): Promise<unknown>;
}

/** Fails unless every job has exactly one handler and every handler has a known job. */
export function checkJobHandlers(known: readonly string[], handled: readonly string[]): void {
  const problems: string[] = [];
  for (const name of known) {
    const count = handled.filter((handledName) => handledName === name).length;
    if (count !== 1) problems.push(`${name}: ${count} handlers`);
  }
  for (const name of handled) if (!known.includes(name)) problems.push(`${name}: handler for an unknown job`);
  if (problems.length) throw new Error(`Job handler check failed:\n  ${problems.join('\n  ')}`);
}

import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Sets the CPU priority (nice value) of the whole process. Linux keeps a nice value per thread and
 * `os.setPriority()` changes only the calling one, while V8's garbage-collection threads and libuv's
 * pool (file I/O, zlib) are already running: each thread listed in /proc/self/task is set, and
 * threads started later inherit the value of the thread that starts them. Elsewhere the process's
 * own call is all there is. A thread that ends meanwhile is skipped.
 */
export function setProcessPriority(nice: number): void {
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    setPriority(nice);
    return;
  }
  for (const thread of threads) {
    try {
      setPriority(Number(thread), nice);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ESRCH') throw error;
    }
  }
}

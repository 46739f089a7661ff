// Longest test files first, from the durations committed in test/durations.json.
//
// Jest orders a fresh clone's files by size (it has no timing cache yet), so a 100-second browser
// journey could start in the last minute of the run and leave the other worker idle. With the
// measured durations, the long files start first and the short ones fill the gaps. A file not in
// the list (new, or renamed) runs first of all, as if it were the slowest: its time is unknown.
// `npm test` rewrites .test-results/durations.json after every full run; copy it over
// test/durations.json when files are added or their times change a lot.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Sequencer from '@jest/test-sequencer';

const root = path.resolve(import.meta.dirname, '..', '..');

function committedDurations() {
  try {
    return JSON.parse(readFileSync(path.join(root, 'test', 'durations.json'), 'utf8'));
  } catch {
    return {};
  }
}

export default class LongestFirstSequencer extends Sequencer {
  async sort(tests) {
    // Jest's own order first (failed last time, then its cached times, then file size), so files
    // without a committed time keep it among themselves.
    const base = await super.sort(tests);
    const seconds = committedDurations();
    const known = (test) =>
      seconds[path.relative(root, test.path).split(path.sep).join('/')] ?? Number.POSITIVE_INFINITY;
    return base
      .map((test, index) => ({ test, index, seconds: known(test) }))
      .sort((a, b) => (a.seconds === b.seconds ? a.index - b.index : b.seconds - a.seconds))
      .map((entry) => entry.test);
  }
}

#!/usr/bin/env node
// Algorithm benchmarks of libs/domain (issues 4 and 5), run by `npm run bench` after the HTTP
// figures. Deterministic inputs (seeded PRNG); each figure is the median of BENCH_ALGO_RUNS runs,
// reported against its target and against a baseline measured in the same run (sorting the same
// number of candidates), so figures from different machines compare as ratios.
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const domain = await import(pathToFileURL(path.join(ROOT, 'libs/domain/dist/index.js')).href);
const RUNS = Number(process.env.BENCH_ALGO_RUNS ?? 3);

function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(action) {
  const samples = [];
  let result;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    result = action();
    samples.push(performance.now() - started);
  }
  return { ms: median(samples), result };
}

function candidates(count, seed) {
  const random = prng(seed);
  return Array.from({ length: count }, (_, index) => ({
    applicationId: index + 1,
    score: Math.round((60 + random() * 35) * 100) / 100,
    request: (5_000 + Math.floor(random() * 45_000)) * 100,
    cap: 50_000 * 100,
    category: 'service',
    streetId: 1 + Math.floor(random() * 30),
  }));
}

const results = [];

// Baseline: sorting 100,000 candidates by score, the cheapest thing any ranking must do.
const big = candidates(100_000, 7);
const baseline = time(() => [...big].sort((a, b) => b.score - a.score));
results.push({ name: 'baseline: sort 100,000 candidates', ms: baseline.ms, target: null });

// Issue 5: rank-order pass over 100,000 ranked candidates (target < 200 ms).
const ranked = [...big].sort((a, b) => b.score - a.score);
const pass = time(() => domain.rankOrderPass({ candidates: ranked, envelope: 100_000_000 * 100, minCount: 1, maxCount: 5_000 }));
results.push({ name: 'rank-order pass, 100,000 candidates', ms: pass.ms, target: 200, detail: `${pass.result.selected.length} selected` });

// Issue 5: exact optimum, 500 candidates, 1,000,000 元 envelope (target < 2 s).
const five = candidates(500, 11).sort((a, b) => b.score - a.score);
const optimum = time(() => domain.optimalSelection({ candidates: five, envelope: 1_000_000 * 100, minCount: 1, maxCount: 500 }));
results.push({
  name: 'exact optimum, 500 candidates, 1,000,000 元',
  ms: optimum.ms,
  target: 2_000,
  detail: `${optimum.result.selected.length} selected, score ${optimum.result.totalScore.toFixed(2)}`,
});

// Issue 4: automatic assignment, 10,000 applications × 500 reviewers × k = 5 (target < 10 s),
// each application conflicted with 10 reviewers (same street), loads capped at 110.
const random = prng(13);
const applicationIds = Array.from({ length: 10_000 }, (_, index) => index + 1);
const reviewerIds = Array.from({ length: 500 }, (_, index) => 100_001 + index);
const conflicts = [];
for (const applicationId of applicationIds) {
  for (let c = 0; c < 10; c++) conflicts.push([applicationId, reviewerIds[Math.floor(random() * reviewerIds.length)]]);
}
const assignment = time(() => domain.assignReviewers({ applicationIds, reviewerIds, k: 5, maxLoad: 110, conflicts }));
const loads = assignment.result.ok ? Object.values(assignment.result.loads) : [];
results.push({
  name: 'assignment, 10,000 × 500 × k=5',
  ms: assignment.ms,
  target: 10_000,
  detail: assignment.result.ok ? `${assignment.result.pairs.length} pairs, load ${Math.min(...loads)}–${Math.max(...loads)}` : 'infeasible',
});

console.log('\nAlgorithms (median of %d runs)', RUNS);
console.log('| case | ms | × baseline | target ms | verdict | detail |');
console.log('|---|---|---|---|---|---|');
for (const row of results) {
  const verdict = row.target === null ? '' : row.ms <= row.target ? 'meets' : 'MISSES';
  console.log(`| ${row.name} | ${row.ms.toFixed(1)} | ${(row.ms / baseline.ms).toFixed(2)} | ${row.target ?? ''} | ${verdict} | ${row.detail ?? ''} |`);
}
export default results;

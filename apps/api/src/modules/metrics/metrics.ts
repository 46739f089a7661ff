import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process, so tests that boot several apps do not collide. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobsProcessed = new Counter({
    name: 'jobs_processed_total',
    help: 'Background jobs processed by name and outcome',
    labelNames: ['name', 'outcome'] as const,
    registers: [registry],
  });
  return { registry, httpDuration, jobsProcessed };
}

export type Metrics = ReturnType<typeof createMetrics>;
export const METRICS = Symbol('METRICS');

import { DomainError } from '@xiaoshi/contracts';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../../config/app-config.js';
import { MetricsController, presentsToken } from './metrics.controller.js';
import { createMetrics } from './metrics.js';

const TOKEN = 'a-metrics-token-of-some-length';

function reply() {
  const headers: Record<string, unknown> = {};
  const fake = {
    header(name: string, value: unknown) {
      headers[name] = value;
      return fake;
    },
  };
  return { headers, reply: fake as unknown as FastifyReply };
}

const controller = (token: string | null) =>
  new MetricsController(createMetrics(), { metrics: { token } } as unknown as AppConfig);

describe('GET /metrics access', () => {
  it('matches only the exact bearer token', () => {
    expect(presentsToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(presentsToken(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    for (const header of [
      undefined,
      '',
      'Bearer',
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      TOKEN,
      `Basic ${TOKEN}`,
    ]) {
      expect(presentsToken(header, TOKEN)).toBe(false);
    }
  });

  it('does not exist on the public port when no token is configured', async () => {
    await expect(controller(null).scrape(`Bearer ${TOKEN}`, reply().reply)).rejects.toMatchObject(
      new DomainError('NOT_FOUND'),
    );
  });

  it('asks for the token, then serves the Prometheus text', async () => {
    const refused = reply();
    await expect(controller(TOKEN).scrape(undefined, refused.reply)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(refused.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    const served = reply();
    const text = await controller(TOKEN).scrape(`Bearer ${TOKEN}`, served.reply);
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(String(served.headers['content-type'])).toMatch(/^text\/plain/);
  });
});

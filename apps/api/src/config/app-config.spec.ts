import { parseConfig } from './app-config.js';

describe('configuration: sign-in origins and the metrics token', () => {
  it('reads ALLOWED_ORIGINS as normalised origins and refuses anything that is not one', () => {
    const config = parseConfig({
      ALLOWED_ORIGINS: ' https://Portal.example.gov.cn , http://10.0.0.5:8080/ ',
    });
    expect(config.auth.allowedOrigins).toEqual(['https://portal.example.gov.cn', 'http://10.0.0.5:8080']);
    expect(parseConfig({}).auth.allowedOrigins).toEqual([]);
    expect(() => parseConfig({ ALLOWED_ORIGINS: 'https://portal.example.gov.cn/app' })).toThrow(
      /ALLOWED_ORIGINS/,
    );
    expect(() => parseConfig({ ALLOWED_ORIGINS: 'portal.example.gov.cn' })).toThrow(/ALLOWED_ORIGINS/);
  });

  it('keeps /metrics off unless a token of 16+ characters is set', () => {
    expect(parseConfig({}).metrics.token).toBeNull();
    expect(parseConfig({ METRICS_TOKEN: '' }).metrics.token).toBeNull();
    expect(parseConfig({ METRICS_TOKEN: 'a-long-enough-token' }).metrics.token).toBe('a-long-enough-token');
    expect(() => parseConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it("bounds the worker's heap growth at 100 % unless set, 0 leaving V8's own, and refuses nonsense", () => {
    expect(parseConfig({}).queue.workerHeapGrowingPercent).toBe(100);
    expect(parseConfig({ WORKER_HEAP_GROWING_PERCENT: '0' }).queue.workerHeapGrowingPercent).toBe(0);
    expect(parseConfig({ WORKER_HEAP_GROWING_PERCENT: '50' }).queue.workerHeapGrowingPercent).toBe(50);
    expect(() => parseConfig({ WORKER_HEAP_GROWING_PERCENT: '-5' })).toThrow(/WORKER_HEAP_GROWING_PERCENT/);
    expect(() => parseConfig({ WORKER_HEAP_GROWING_PERCENT: 'fast' })).toThrow(/WORKER_HEAP_GROWING_PERCENT/);
  });
});

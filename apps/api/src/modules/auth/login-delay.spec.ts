import { accountDelaySeconds } from './login-delay.js';

describe('accountDelaySeconds: the per-account progressive delay', () => {
  const policy = { freeFailures: 3, baseSeconds: 5, maxSeconds: 900 };

  it('allows a few typos, then doubles the wait with each failure up to the cap', () => {
    const waits = Array.from({ length: 14 }, (_, i) => accountDelaySeconds(i + 1, policy));
    expect(waits).toEqual([0, 0, 0, 5, 10, 20, 40, 80, 160, 320, 640, 900, 900, 900]);
  });

  it('stays finite and capped however many failures there are', () => {
    expect(accountDelaySeconds(10_000, policy)).toBe(900);
    expect(accountDelaySeconds(0, policy)).toBe(0);
  });

  it('starts at once when no failure is free', () => {
    expect(accountDelaySeconds(1, { freeFailures: 0, baseSeconds: 2, maxSeconds: 60 })).toBe(2);
  });
});

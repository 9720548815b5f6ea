import fc from 'fast-check';
import { Backoff, backoffDelay, sleep, WakeableSleep } from './retry-backoff';

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    const policy = { baseMs: 200, maxMs: 5000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, policy))).toEqual([200, 400, 800, 1600, 3200, 5000, 5000]);
  });

  it('stays within [raw·(1-jitter), raw] and never exceeds the cap, for any attempt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (attempt, jitter, r) => {
          const policy = { baseMs: 250, maxMs: 5000, jitter };
          const d = backoffDelay(attempt, policy, () => r);
          const raw = Math.min(5000, 250 * 2 ** (attempt - 1));
          expect(d).toBeLessThanOrEqual(5000);
          expect(d).toBeGreaterThanOrEqual(Math.floor(raw * (1 - jitter)));
        },
      ),
    );
  });

  it('treats attempt 0 or less as the first retry', () => {
    expect(backoffDelay(0, { baseMs: 100, maxMs: 1000 })).toBe(100);
  });
});

describe('Backoff', () => {
  it('grows with consecutive failures and starts over after reset', () => {
    const b = new Backoff({ baseMs: 100, maxMs: 1000 });
    expect([b.fail(), b.fail(), b.fail(), b.fail(), b.fail()]).toEqual([100, 200, 400, 800, 1000]);
    expect(b.consecutiveFailures).toBe(5);
    b.reset();
    expect(b.fail()).toBe(100);
  });
});

describe('WakeableSleep', () => {
  it('wakes early, and remembers a wake that came before the sleep', async () => {
    const s = new WakeableSleep();
    const started = Date.now();
    const p = s.sleep(10_000);
    s.wake();
    await p;
    s.wake();
    await s.sleep(10_000);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('sleep', () => {
  it('ends early when its signal is aborted, and at once when it already was', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await sleeping;
    await sleep(10_000, controller.signal);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

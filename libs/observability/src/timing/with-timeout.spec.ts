import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  afterEach(() => jest.useRealTimers());

  it('passes the outcome through when the promise settles in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, 'too slow')).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error('boom')), 1000, 'too slow')).rejects.toThrow('boom');
  });

  it('rejects with the message once the time is up, and leaves no timer behind', async () => {
    jest.useFakeTimers();
    const never = new Promise<number>(() => undefined);
    const outcome = withTimeout(never, 500, 'no answer within 500 ms');
    jest.advanceTimersByTime(500);
    await expect(outcome).rejects.toThrow('no answer within 500 ms');
    await withTimeout(Promise.resolve(1), 500, 'unused');
    expect(jest.getTimerCount()).toBe(0);
  });
});

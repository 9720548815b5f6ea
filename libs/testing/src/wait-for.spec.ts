import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first truthy value', async () => {
    let n = 0;
    await expect(waitFor(() => (++n >= 3 ? n : undefined), { intervalMs: 1 })).resolves.toBe(3);
  });

  it('times out naming the condition and the last error', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('still 0 rows');
        },
        { timeoutMs: 20, intervalMs: 5, description: 'the event' },
      ),
    ).rejects.toThrow('waiting for the event: still 0 rows');
  });
});

import { DataSource, EntityManager } from 'typeorm';
import { runInTransaction } from './run-in-transaction';

const failingWith = (error: unknown) => ({ transaction: async () => Promise.reject(error) }) as unknown as DataSource;

describe('runInTransaction', () => {
  const taken = new Error('taken');
  const map = { users_email: () => taken };

  it('returns what the work returns, inside a transaction', async () => {
    const manager = {} as EntityManager;
    const dataSource = {
      transaction: async (work: (m: EntityManager) => Promise<number>) => work(manager),
    } as unknown as DataSource;
    expect(await runInTransaction(dataSource, async (m) => (m === manager ? 1 : 0), map)).toBe(1);
  });

  it('turns a unique violation of a mapped index into the domain error', async () => {
    await expect(
      runInTransaction(failingWith({ code: '23505', constraint: 'users_email_lower_key' }), async () => 1, map),
    ).rejects.toBe(taken);
  });

  it('passes every other error on unchanged', async () => {
    for (const error of [
      { code: '23505', constraint: 'groups_name_key' },
      { code: '23502', constraint: 'users_email_lower_key' },
      new Error('connection lost'),
    ]) {
      await expect(runInTransaction(failingWith(error), async () => 1, map)).rejects.toBe(error);
    }
  });
});

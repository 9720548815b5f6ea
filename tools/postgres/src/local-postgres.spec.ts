import { ensurePostgres } from './local-postgres';
import { redactUrl } from './pg-query';

describe('ensurePostgres options', () => {
  it('rejects an unknown HELPDESK_POSTGRES before touching any server', async () => {
    await expect(ensurePostgres({ env: { HELPDESK_POSTGRES: 'docker' } })).rejects.toThrow(/auto, env, local or embedded/);
  });

  it('requires DATABASE_URL when forced to env', async () => {
    await expect(ensurePostgres({ mode: 'env', env: {} })).rejects.toThrow(/DATABASE_URL is not set/);
  });
});

describe('redactUrl', () => {
  it('masks the password only', () => {
    expect(redactUrl('postgres://app:s3cret@db:5432/helpdesk')).toBe('postgres://app:***@db:5432/helpdesk');
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/postgres')).toBe('postgres://postgres@127.0.0.1:5432/postgres');
  });
});

import { diffFields } from './field-changes';

describe('diffFields', () => {
  it('lists changed fields from → to, arrays by value', () => {
    const before = { name: '山田 太郎', roles: ['employee'], department: null as string | null, active: true };
    const after = { name: '山田 太郎', roles: ['employee', 'agent'], department: '情報システム部', active: true };
    expect(diffFields(before, after, ['name', 'roles', 'department', 'active'])).toEqual([
      { field: 'roles', from: ['employee'], to: ['employee', 'agent'] },
      { field: 'department', from: null, to: '情報システム部' },
    ]);
  });

  it('treats creation as from null and never records secret values', () => {
    const changes = diffFields(null, { email: 'a@example.com', passwordHash: '$argon2id$...' }, ['email', 'passwordHash']);
    expect(changes).toEqual([
      { field: 'email', from: null, to: 'a@example.com' },
      { field: 'passwordHash', redacted: true },
    ]);
    expect(JSON.stringify(changes)).not.toContain('argon2');
  });
});

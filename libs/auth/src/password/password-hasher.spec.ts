import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher({ memoryCost: 4096, timeCost: 1 });

  it('hashes with argon2id and a salt, and verifies', async () => {
    const a = await hasher.hash('correct horse 電池 🐎');
    const b = await hasher.hash('correct horse 電池 🐎');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=4096,t=1,p=1\$/);
    expect(a).not.toBe(b);
    expect(await hasher.verify(a, 'correct horse 電池 🐎')).toBe(true);
    expect(await hasher.verify(a, 'correct horse 電池')).toBe(false);
  });

  it('says no for an unknown user or a malformed hash, after doing the same work', async () => {
    expect(await hasher.verify(null, 'anything')).toBe(false);
    expect(await hasher.verify('not-a-hash', 'anything')).toBe(false);
  });

  it('tells when a hash was made with other parameters', async () => {
    const weak = await new PasswordHasher({ memoryCost: 1024, timeCost: 1 }).hash('x');
    expect(hasher.needsRehash(weak)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('x'))).toBe(false);
  });

  it('verifies against a hash of the same parameters for an unknown user, so both cost the same', async () => {
    // Counted, not timed: a timing ratio on a shared 2-core machine fails at random.
    const verify = jest.spyOn(
      hasher as unknown as { verifySafely(hash: string, password: string): Promise<boolean> },
      'verifySafely',
    );
    try {
      await hasher.verify(null, 'wrong');
      expect(verify).toHaveBeenCalledTimes(1);
      expect(String(verify.mock.calls[0][0])).toMatch(/^\$argon2id\$v=19\$m=4096,t=1,p=1\$/);
      const known = await hasher.hash('secret-password');
      await hasher.verify(known, 'wrong');
      expect(verify).toHaveBeenCalledTimes(2);
    } finally {
      verify.mockRestore();
    }
  });
});

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

  it('keeps timing flat between unknown and known users (same order of magnitude)', async () => {
    const known = await hasher.hash('secret-password');
    await hasher.verify(null, 'warm-up');
    const time = async (fn: () => Promise<unknown>) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < 5; i++) await fn();
      return Number(process.hrtime.bigint() - start);
    };
    const unknown = await time(() => hasher.verify(null, 'wrong'));
    const wrong = await time(() => hasher.verify(known, 'wrong'));
    expect(unknown / wrong).toBeGreaterThan(0.33);
    expect(unknown / wrong).toBeLessThan(3);
  });
});

import { Principal } from './principal';
import { VerifiedTokenCache } from './verified-token-cache';

const principal = { id: 'u1', roles: ['employee'] } as unknown as Principal;

describe('VerifiedTokenCache', () => {
  it('answers a remembered token until its expiry, then forgets it', () => {
    let now = 1000;
    const cache = new VerifiedTokenCache(10, () => now);
    cache.set('t', principal, 1060);
    expect(cache.get('t')).toBe(principal);
    now = 1059.9;
    expect(cache.get('t')).toBe(principal);
    now = 1060;
    expect(cache.get('t')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('honours the clock tolerance like the verifier does', () => {
    const cache = new VerifiedTokenCache(10, () => 1065);
    cache.set('t', principal, 1060);
    expect(cache.get('t', 10)).toBe(principal);
    expect(cache.get('t', 0)).toBeUndefined();
  });

  it('never answers for a token it was not given, even a prefix or a variant', () => {
    const cache = new VerifiedTokenCache(10, () => 0);
    cache.set('abc.def.ghi', principal, 100);
    expect(cache.get('abc.def.gh')).toBeUndefined();
    expect(cache.get('abc.def.ghj')).toBeUndefined();
  });

  it('stays within its bound, dropping the oldest first', () => {
    const cache = new VerifiedTokenCache(2, () => 0);
    cache.set('a', principal, 100);
    cache.set('b', principal, 100);
    cache.set('c', principal, 100);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe(principal);
  });

  it('remembers nothing when sized 0', () => {
    const cache = new VerifiedTokenCache(0, () => 0);
    cache.set('a', principal, 100);
    expect(cache.get('a')).toBeUndefined();
  });
});

import { SignJWT } from 'jose';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { Principal } from './principal';
import { TokenIssuer } from './token-issuer';
import { testSigningKeys } from './token-test-keys';
import { bearerToken, TokenVerifier } from './token-verifier';

const principal: Principal = {
  id: '0192f0c4-7a0e-7cc1-9a51-1a2b3c4d5e6f',
  email: 'taro.yamada@example.com',
  name: '山田 太郎 🎌',
  roles: ['agent', 'specialist'],
  groups: ['g1'],
  locale: 'ja',
  timeZone: 'Asia/Tokyo',
};

function setup(ttlSeconds = 900) {
  const keys = testSigningKeys();
  const issuer = new TokenIssuer({
    privateKey: keys.signingKey!.privateKey,
    kid: keys.signingKey!.kid,
    issuer: 'helpdesk',
    audience: 'helpdesk-api',
    ttlSeconds,
  });
  const verifier = new TokenVerifier({ keys: keys.verificationKeys, issuer: 'helpdesk', audience: 'helpdesk-api' });
  return { keys, issuer, verifier };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(AuthException);
    expect((e as AuthException).getStatus()).toBe(401);
    return (e as AuthException).code;
  }
  throw new Error('expected the token to be refused');
}

describe('access tokens', () => {
  it('round-trips every claim, Unicode included', async () => {
    const { issuer, verifier } = setup();
    const issued = await issuer.issue(principal);
    expect(issued.expiresIn).toBe(900);
    expect(await verifier.verify(issued.accessToken)).toEqual(principal);
  });

  it('carries issuer, audience, expiry, kid and ES256', async () => {
    const { issuer, keys } = setup(60);
    const now = new Date('2026-11-23T00:00:00Z');
    const { accessToken, expiresAt } = await issuer.issue(principal, now);
    const [header, payload] = accessToken
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header).toEqual({ alg: 'ES256', typ: 'JWT', kid: keys.signingKey!.kid });
    expect(payload).toMatchObject({
      iss: 'helpdesk',
      aud: 'helpdesk-api',
      sub: principal.id,
      tz: 'Asia/Tokyo',
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 60,
    });
    expect(expiresAt.toISOString()).toBe('2026-11-23T00:01:00.000Z');
  });

  it('refuses an expired token', async () => {
    const { issuer, verifier } = setup(60);
    const { accessToken } = await issuer.issue(principal, new Date(Date.now() - 61_000));
    expect(await codeOf(verifier.verify(accessToken))).toBe(AuthErrorCode.TokenExpired);
  });

  it('refuses a token it verified before once it has expired (the verified-token cache honours exp)', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-23T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const { issuer, verifier } = setup(60);
      const { accessToken } = await issuer.issue(principal, new Date());
      expect(await verifier.verify(accessToken)).toEqual(principal);
      jest.setSystemTime(new Date('2026-11-23T00:00:59Z'));
      expect(await verifier.verify(accessToken)).toEqual(principal);
      jest.setSystemTime(new Date('2026-11-23T00:01:01Z'));
      expect(await codeOf(verifier.verify(accessToken))).toBe(AuthErrorCode.TokenExpired);
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses a token for another audience or from another issuer', async () => {
    const { keys, verifier } = setup();
    const other = (iss: string, aud: string) =>
      new TokenIssuer({
        privateKey: keys.signingKey!.privateKey,
        kid: keys.signingKey!.kid,
        issuer: iss,
        audience: aud,
        ttlSeconds: 60,
      }).issue(principal);
    expect(await codeOf(verifier.verify((await other('helpdesk', 'another-api')).accessToken))).toBe(AuthErrorCode.TokenInvalid);
    expect(await codeOf(verifier.verify((await other('someone-else', 'helpdesk-api')).accessToken))).toBe(
      AuthErrorCode.TokenInvalid,
    );
  });

  it('refuses a token signed with another key, with or without a matching kid', async () => {
    const { verifier, keys } = setup();
    const stranger = setup().keys.signingKey!;
    const forged = new TokenIssuer({
      privateKey: stranger.privateKey,
      kid: keys.signingKey!.kid,
      issuer: 'helpdesk',
      audience: 'helpdesk-api',
      ttlSeconds: 60,
    });
    const unknownKid = new TokenIssuer({
      privateKey: stranger.privateKey,
      kid: stranger.kid,
      issuer: 'helpdesk',
      audience: 'helpdesk-api',
      ttlSeconds: 60,
    });
    expect(await codeOf(verifier.verify((await forged.issue(principal)).accessToken))).toBe(AuthErrorCode.TokenInvalid);
    expect(await codeOf(verifier.verify((await unknownKid.issue(principal)).accessToken))).toBe(AuthErrorCode.TokenInvalid);
  });

  it('refuses a tampered token (claims changed after signing)', async () => {
    const { issuer, verifier } = setup();
    const [h, p, s] = (await issuer.issue(principal)).accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const elevated = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url');
    expect(await codeOf(verifier.verify(`${h}.${elevated}.${s}`))).toBe(AuthErrorCode.TokenInvalid);
    expect(await codeOf(verifier.verify(`${h}.${p}.${s.slice(0, -4)}AAAA`))).toBe(AuthErrorCode.TokenInvalid);
  });

  it('refuses alg=none, HS256 and garbage', async () => {
    const { verifier, keys } = setup();
    const claims = {
      sub: principal.id,
      email: principal.email,
      name: 'x',
      roles: ['admin'],
      groups: [],
      locale: 'en',
      tz: 'UTC',
    };
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, iss: 'helpdesk', aud: 'helpdesk-api', exp: 9e9, iat: 1 })).toString('base64url')}.`;
    const hs = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: keys.signingKey!.kid })
      .setIssuer('helpdesk')
      .setAudience('helpdesk-api')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-shared-secret-that-nobody-should-use'));
    for (const token of [none, hs, 'not-a-token', 'a.b.c']) {
      expect(await codeOf(verifier.verify(token))).toBe(AuthErrorCode.TokenInvalid);
    }
    expect(await codeOf(verifier.verify(undefined))).toBe(AuthErrorCode.TokenMissing);
  });

  it('refuses a validly signed token whose claims lack our shape', async () => {
    const { keys, verifier } = setup();
    const token = await new SignJWT({ email: 'x@example.com', roles: ['root'], groups: [], name: 'x', locale: 'en', tz: 'UTC' })
      .setProtectedHeader({ alg: 'ES256', kid: keys.signingKey!.kid })
      .setSubject('u1')
      .setIssuer('helpdesk')
      .setAudience('helpdesk-api')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(keys.signingKey!.privateKey);
    expect(await codeOf(verifier.verify(token))).toBe(AuthErrorCode.TokenInvalid);
  });

  it('verifies with any of several public keys (key rotation)', async () => {
    const current = setup();
    const previous = setup();
    const verifier = new TokenVerifier({
      keys: [...current.keys.verificationKeys, ...previous.keys.verificationKeys],
      issuer: 'helpdesk',
      audience: 'helpdesk-api',
    });
    expect((await verifier.verify((await previous.issuer.issue(principal)).accessToken)).id).toBe(principal.id);
    expect((await verifier.verify((await current.issuer.issue(principal)).accessToken)).id).toBe(principal.id);
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc.def.ghi ', 'abc.def.ghi'],
    ['Basic dXNlcjpwYXNz', undefined],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    [undefined, undefined],
  ])('%s → %s', (header, expected) => expect(bearerToken(header)).toBe(expected));
});

import { generateKeyPairSync } from 'node:crypto';
import { Principal, resolveAuthKeys, TokenIssuer } from '@helpdesk/auth';

/** Who a test signs in as: the principal's identity and roles; groups, locale and zone have defaults. */
export type TestPrincipal = Pick<Principal, 'id' | 'email' | 'name' | 'roles'> &
  Partial<Omit<Principal, 'id' | 'email' | 'name' | 'roles'>>;

/**
 * Signs access tokens the way the gateway does, with a throw-away key pair: give a service
 * `AUTH_PUBLIC_KEY: signer.publicKeyPem` and it verifies them like real ones.
 */
export class TestTokenSigner {
  private constructor(
    readonly publicKeyPem: string,
    private readonly issuer: TokenIssuer,
  ) {}

  /** A new EC P-256 key pair; issuer and audience are the services' defaults (AUTH_ISSUER, AUTH_AUDIENCE). */
  static create(): TestTokenSigner {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const keys = resolveAuthKeys({ privateKey: privatePem }, { needPrivateKey: true, production: false });
    const issuer = new TokenIssuer({
      privateKey: keys.signingKey!.privateKey,
      kid: keys.signingKey!.kid,
      issuer: 'helpdesk',
      audience: 'helpdesk-api',
      ttlSeconds: 3600,
    });
    return new TestTokenSigner(publicKey.export({ type: 'spki', format: 'pem' }).toString(), issuer);
  }

  /** "Bearer <token>" for the person. */
  async bearer(person: TestPrincipal): Promise<string> {
    const principal: Principal = { groups: [], locale: 'ja', timeZone: 'Asia/Tokyo', ...person };
    return `Bearer ${(await this.issuer.issue(principal)).accessToken}`;
  }
}

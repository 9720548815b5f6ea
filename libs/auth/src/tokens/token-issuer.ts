import { SignJWT } from 'jose';
import { KeyObject, randomUUID } from 'node:crypto';
import { principalToClaims, Principal } from './principal';

export interface TokenIssuerOptions {
  privateKey: KeyObject;
  kid: string;
  issuer: string;
  audience: string;
  /** Lifetime of an access token, in seconds. */
  ttlSeconds: number;
}

export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds until it expires. */
  expiresIn: number;
  expiresAt: Date;
}

/** Signs access tokens (ES256) with the private key: the gateway only. */
export class TokenIssuer {
  constructor(private readonly options: TokenIssuerOptions) {
    if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds < 1)
      throw new Error('Access token TTL must be at least 1 second');
  }

  get ttlSeconds(): number {
    return this.options.ttlSeconds;
  }

  async issue(principal: Principal, now: Date = new Date()): Promise<IssuedAccessToken> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.options.ttlSeconds;
    const accessToken = await new SignJWT({ ...principalToClaims(principal) })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: this.options.kid })
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setSubject(principal.id)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(this.options.privateKey);
    return { accessToken, expiresIn: this.options.ttlSeconds, expiresAt: new Date(exp * 1000) };
  }
}

import { Algorithm, hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

export interface PasswordHashingOptions {
  /** KiB per hash (default 19456 = 19 MiB, the OWASP minimum for argon2id). */
  memoryCost?: number;
  /** Passes (default 2). */
  timeCost?: number;
  /** Lanes (default 1: a 2-core host serves other requests meanwhile). */
  parallelism?: number;
}

const DEFAULTS: Required<PasswordHashingOptions> = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** argon2id password hashes; verification costs the same whether or not the account exists. */
export class PasswordHasher {
  private readonly options: Required<PasswordHashingOptions>;
  private dummyHash?: Promise<string>;

  constructor(options: PasswordHashingOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  hash(password: string): Promise<string> {
    return hash(password, { ...this.options, algorithm: Algorithm.Argon2id });
  }

  /**
   * True when the password matches. With no hash (unknown user, or no local password) a dummy hash is
   * verified instead, so the answer takes as long and says no.
   */
  async verify(passwordHash: string | null | undefined, password: string): Promise<boolean> {
    if (!passwordHash) {
      await this.verifySafely(await this.dummy(), password);
      return false;
    }
    return this.verifySafely(passwordHash, password);
  }

  /** True when a stored hash was made with weaker (or other) parameters and should be replaced at next login. */
  needsRehash(passwordHash: string): boolean {
    const { memoryCost, timeCost, parallelism } = this.options;
    return !passwordHash.startsWith(`$argon2id$v=19$m=${memoryCost},t=${timeCost},p=${parallelism}$`);
  }

  private async verifySafely(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false; // a malformed stored hash never lets anyone in
    }
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hash(randomBytes(24).toString('base64url'));
    return this.dummyHash;
  }
}

import { Principal } from './principal';

interface Entry {
  principal: Principal;
  /** Expiry (exp claim) in epoch seconds. */
  exp: number;
}

/**
 * Tokens already verified, by their exact text, until they expire. A token is immutable and signed, so
 * the same bytes verify the same way again; skipping the ES256 check saves most of an authenticated
 * request's CPU in the gateway and again in each service. Bounded: the oldest entries go first.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly nowSeconds: () => number = () => Date.now() / 1000,
  ) {}

  /** The principal of a token verified before and not yet expired, else undefined. */
  get(token: string, clockToleranceSeconds = 0): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.exp + clockToleranceSeconds <= this.nowSeconds()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  set(token: string, principal: Principal, exp: number): void {
    if (this.maxEntries <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { principal, exp });
  }

  get size(): number {
    return this.entries.size;
  }
}

import { DURATION_PATTERN, parseDuration } from '@helpdesk/auth';
import { BOOLEAN_VARIABLE, ServiceConfig, toBoolean } from '@helpdesk/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const DURATION = { message: 'must be a duration such as 30s, 15m, 2h or 7d' };
const HTTP_URL = /^https?:\/\/[^\s/]+(\/\S*)?$/;
const URL_MESSAGE = { message: 'must be an http(s):// base URL' };

/** The gateway's environment: identity database, token lifetimes, login throttling, CORS, upstream services. */
export class GatewayConfig extends ServiceConfig {
  override DATABASE_NAME?: string = 'helpdesk_gateway';

  /** PEM private key (or a path to one) that signs access tokens; outside production a local pair is made. */
  @IsOptional()
  @IsString()
  AUTH_PRIVATE_KEY?: string;

  @IsOptional()
  @IsString()
  AUTH_PRIVATE_KEY_FILE?: string;

  @Matches(DURATION_PATTERN, DURATION)
  ACCESS_TOKEN_TTL: string = '15m';

  @Matches(DURATION_PATTERN, DURATION)
  REFRESH_TOKEN_TTL: string = '7d';

  /** Failed sign-ins of one account from one client address within the window; then that pair gets 429. */
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: number = 5;

  /** Failed sign-ins of one account from all addresses (a distributed guesser); then the account gets 429. */
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT: number = 50;

  /** Failed sign-ins from one client address across accounts (password spraying); then the address gets 429. */
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_IP: number = 20;

  @Matches(DURATION_PATTERN, DURATION)
  LOGIN_FAILURE_WINDOW: string = '15m';

  /** Comma-separated origins allowed to call the API from a browser (empty: same origin only). */
  @Matches(/^(|\*|https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*)$/, {
    message: 'must be empty, * or a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS: string = '';

  /**
   * Express "trust proxy": which hops may set X-Forwarded-For (login throttling counts per client
   * address). false, true, a hop count, or addresses/subnets such as loopback,10.0.0.0/8.
   */
  @IsString()
  TRUST_PROXY: string = 'false';

  @Transform(toBoolean)
  @IsBoolean(BOOLEAN_VARIABLE)
  SEED_DEMO: boolean = false;

  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  @MaxLength(256)
  DEMO_PASSWORD: string = 'demo-password-1';

  @Matches(HTTP_URL, URL_MESSAGE)
  INCIDENT_SERVICE_URL: string = 'http://127.0.0.1:3001';

  @Matches(HTTP_URL, URL_MESSAGE)
  PROBLEM_SERVICE_URL: string = 'http://127.0.0.1:3002';

  @Matches(HTTP_URL, URL_MESSAGE)
  KNOWLEDGE_BASE_SERVICE_URL: string = 'http://127.0.0.1:3003';

  @Matches(HTTP_URL, URL_MESSAGE)
  ASSET_SERVICE_URL: string = 'http://127.0.0.1:3004';

  @Matches(HTTP_URL, URL_MESSAGE)
  REPORTING_SERVICE_URL: string = 'http://127.0.0.1:3005';

  /**
   * Extra or overriding forwarding rules: comma-separated `prefix=baseUrl` pairs, e.g.
   * `/incidents=http://incident:3000,/reports=http://reporting:3000` (prefixes without /api/v1).
   */
  @Matches(/^(|\/[^=,\s]+=https?:\/\/[^,\s]+(,\/[^=,\s]+=https?:\/\/[^,\s]+)*)$/, {
    message: 'must be comma-separated prefix=http(s)://base-url pairs',
  })
  FORWARD_ROUTES: string = '';

  /** How long the forwarder waits for an upstream's response headers before answering 504. */
  @Matches(DURATION_PATTERN, DURATION)
  UPSTREAM_TIMEOUT: string = '30s';

  /** How long the merged public OpenAPI document is served before a request refreshes it in the background. */
  @Matches(DURATION_PATTERN, DURATION)
  OPENAPI_CACHE_TTL: string = '30s';

  /** How long the gateway waits for one service's OpenAPI document before leaving it out. */
  @Matches(DURATION_PATTERN, DURATION)
  OPENAPI_UPSTREAM_TIMEOUT: string = '2s';

  /** argon2id memory per hash in KiB (19456 = 19 MiB, the OWASP minimum). */
  @IsInt()
  @Min(1024)
  @Max(1_048_576)
  PASSWORD_HASH_MEMORY_KIB: number = 19_456;

  @IsIn(['ja', 'en'])
  DEFAULT_LOCALE: string = 'ja';

  get accessTokenTtlSeconds(): number {
    return Math.max(1, Math.round(parseDuration(this.ACCESS_TOKEN_TTL) / 1000));
  }

  get refreshTokenTtlMs(): number {
    return parseDuration(this.REFRESH_TOKEN_TTL);
  }

  get loginFailureWindowMs(): number {
    return parseDuration(this.LOGIN_FAILURE_WINDOW);
  }

  get upstreamTimeoutMs(): number {
    return parseDuration(this.UPSTREAM_TIMEOUT);
  }

  get openApiCacheTtlMs(): number {
    return parseDuration(this.OPENAPI_CACHE_TTL);
  }

  get openApiUpstreamTimeoutMs(): number {
    return parseDuration(this.OPENAPI_UPSTREAM_TIMEOUT);
  }

  get corsOrigins(): string[] | '*' {
    if (this.CORS_ORIGINS === '*') return '*';
    return this.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  }

  /** The value for Express's "trust proxy" setting. */
  get trustProxy(): boolean | number | string {
    const raw = this.TRUST_PROXY.trim();
    if (raw === 'true') return true;
    if (raw === 'false' || raw === '') return false;
    if (/^\d+$/.test(raw)) return Number(raw);
    return raw;
  }
}

import { AuthKeySettings } from './tokens/token-keys';
import { PasswordHashingOptions } from './password/password-hasher';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

/** Operations routes that never need a token (probes and scrapers). */
export const DEFAULT_PUBLIC_PATHS: readonly string[] = ['/health/live', '/health/ready', '/metrics'];

export interface AuthModuleOptions {
  issuer: string;
  audience: string;
  keys: AuthKeySettings;
  /** In production a missing key is a configuration error instead of a generated local pair. */
  production: boolean;
  /** Where the local key pair lives outside production (default `<repo>/.local/keys`). */
  localKeysDir?: string;
  clockToleranceSeconds?: number;
  /** Set on the gateway only: provides a TokenIssuer (needs the private key). */
  issuing?: { accessTokenTtlSeconds: number };
  passwordHashing?: PasswordHashingOptions;
  /** Exact request paths that pass without a token (default: health and metrics). */
  publicPaths?: readonly string[];
}

/** The AUTH_* settings every service config carries (ServiceConfig has the public ones). */
export interface AuthConfigLike {
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  AUTH_PUBLIC_KEY?: string;
  AUTH_PUBLIC_KEY_FILE?: string;
  AUTH_PRIVATE_KEY?: string;
  AUTH_PRIVATE_KEY_FILE?: string;
  isProduction: boolean;
}

/** Options from a service's config (the private key only where the config declares it: the gateway). */
export function authOptionsFromConfig(
  config: AuthConfigLike,
): Pick<AuthModuleOptions, 'issuer' | 'audience' | 'keys' | 'production'> {
  const pick = (name: keyof AuthConfigLike & string): string | undefined => {
    const value = (config as unknown as Record<string, unknown>)[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  return {
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    production: config.isProduction,
    keys: {
      publicKey: pick('AUTH_PUBLIC_KEY'),
      publicKeyFile: pick('AUTH_PUBLIC_KEY_FILE'),
      privateKey: pick('AUTH_PRIVATE_KEY'),
      privateKeyFile: pick('AUTH_PRIVATE_KEY_FILE'),
    },
  };
}

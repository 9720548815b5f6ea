import { DynamicModule, Global, Logger, Module, OnModuleInit, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_OPTIONS, AuthModuleOptions } from './auth.options';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { RolesGuard } from './guards/roles.guard';
import { PasswordHasher } from './password/password-hasher';
import { TokenIssuer } from './tokens/token-issuer';
import { ResolvedKeys, resolveAuthKeys } from './tokens/token-keys';
import { TokenVerifier } from './tokens/token-verifier';

/** Key material resolved at start-up, injectable (e.g. to publish a JWKS document). */
export class AuthKeys {
  constructor(readonly resolved: ResolvedKeys) {}
}

/**
 * Token verification with the global JwtAuthGuard and RolesGuard; with `issuing`, also the TokenIssuer.
 * Keys are resolved here, so a bad key fails start-up with a message naming the variable.
 */
@Global()
@Module({})
export class AuthModule implements OnModuleInit {
  constructor(private readonly keys: AuthKeys) {}

  onModuleInit() {
    if (this.keys.resolved.source === 'local') {
      new Logger(AuthModule.name).warn(
        `No AUTH_* keys configured: using the local development key pair in ${this.keys.resolved.localKeysDir}`,
      );
    }
  }

  static forRoot(options: AuthModuleOptions): DynamicModule {
    const keys = resolveAuthKeys(options.keys, {
      needPrivateKey: options.issuing !== undefined,
      production: options.production,
      localKeysDir: options.localKeysDir,
    });
    const verifier = new TokenVerifier({
      keys: keys.verificationKeys,
      issuer: options.issuer,
      audience: options.audience,
      clockToleranceSeconds: options.clockToleranceSeconds,
    });
    const providers: Provider[] = [
      { provide: AUTH_OPTIONS, useValue: options },
      { provide: AuthKeys, useValue: new AuthKeys(keys) },
      { provide: TokenVerifier, useValue: verifier },
      { provide: PasswordHasher, useValue: new PasswordHasher(options.passwordHashing) },
      { provide: APP_GUARD, useClass: JwtAuthGuard },
      { provide: APP_GUARD, useClass: RolesGuard },
    ];
    const exports: NonNullable<DynamicModule['exports']> = [AUTH_OPTIONS, AuthKeys, TokenVerifier, PasswordHasher];
    if (options.issuing && keys.signingKey) {
      const issuer = new TokenIssuer({
        privateKey: keys.signingKey.privateKey,
        kid: keys.signingKey.kid,
        issuer: options.issuer,
        audience: options.audience,
        ttlSeconds: options.issuing.accessTokenTtlSeconds,
      });
      providers.push({ provide: TokenIssuer, useValue: issuer });
      exports.push(TokenIssuer);
    }
    return { module: AuthModule, providers, exports };
  }
}

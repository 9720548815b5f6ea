export { AuthErrorCode, AuthException } from './auth.exception';
export { AuthKeys, AuthModule } from './auth.module';
export { AUTH_OPTIONS, AuthConfigLike, AuthModuleOptions, authOptionsFromConfig, DEFAULT_PUBLIC_PATHS } from './auth.options';
export { CurrentUser, PRINCIPAL_REQUEST_KEY, principalOf } from './decorators/current-user.decorator';
export { IS_PUBLIC_KEY, Public } from './decorators/public.decorator';
export { Roles, ROLES_KEY } from './decorators/roles.decorator';
export { DURATION_PATTERN, parseDuration } from './duration';
export { AuthenticateOptions, authenticateRequest } from './guards/authenticate-request';
export { JwtAuthGuard } from './guards/jwt-auth.guard';
export { RolesGuard } from './guards/roles.guard';
export { PasswordHasher, PasswordHashingOptions } from './password/password-hasher';
export { AccessTokenClaims, claimsToPrincipal, hasAnyRole, Principal, principalToClaims } from './tokens/principal';
export { IssuedAccessToken, TokenIssuer, TokenIssuerOptions } from './tokens/token-issuer';
export {
  AuthKeySettings,
  defaultLocalKeysDir,
  loadOrCreateLocalPair,
  publicJwk,
  ResolvedKeys,
  resolveAuthKeys,
  VerificationKey,
} from './tokens/token-keys';
export { bearerToken, TokenVerifier, TokenVerifierOptions } from './tokens/token-verifier';

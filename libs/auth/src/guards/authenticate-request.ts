import { RequestContext } from '@helpdesk/observability';
import type { Request, Response } from 'express';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { PRINCIPAL_REQUEST_KEY } from '../decorators/current-user.decorator';
import { Principal } from '../tokens/principal';
import { bearerToken, TokenVerifier } from '../tokens/token-verifier';

export interface AuthenticateOptions {
  /** A public route: no or a bad token gives null instead of a 401. */
  optional?: boolean;
}

/**
 * Checks a request's `Authorization: Bearer` token, the one way every HTTP entry point does it (the global
 * guard and the forwarder). A valid token's principal goes on the request (for @CurrentUser) and into the
 * log context. Otherwise a 401 AuthException, with a `WWW-Authenticate` challenge on the response.
 */
export async function authenticateRequest(
  req: Request,
  res: Response,
  verifier: TokenVerifier,
  options?: { optional?: false },
): Promise<Principal>;
export async function authenticateRequest(
  req: Request,
  res: Response,
  verifier: TokenVerifier,
  options: AuthenticateOptions,
): Promise<Principal | null>;
export async function authenticateRequest(
  req: Request,
  res: Response,
  verifier: TokenVerifier,
  options: AuthenticateOptions = {},
): Promise<Principal | null> {
  const token = bearerToken(req.headers.authorization);
  if (!token) {
    if (options.optional) return null;
    challenge(res, 'invalid_request');
    throw new AuthException(req.headers.authorization ? AuthErrorCode.TokenInvalid : AuthErrorCode.TokenMissing);
  }
  let principal: Principal;
  try {
    principal = await verifier.verify(token);
  } catch (e) {
    if (options.optional) return null;
    challenge(res, 'invalid_token');
    throw e;
  }
  (req as unknown as Record<string, unknown>)[PRINCIPAL_REQUEST_KEY] = principal;
  const context = RequestContext.current();
  if (context) context.userId = principal.id;
  return principal;
}

function challenge(res: Response, error: 'invalid_request' | 'invalid_token') {
  if (!res.headersSent) res.setHeader('WWW-Authenticate', `Bearer error="${error}"`);
}

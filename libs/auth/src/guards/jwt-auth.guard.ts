import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext } from '@helpdesk/observability';
import type { Request, Response } from 'express';
import { AUTH_OPTIONS, AuthModuleOptions, DEFAULT_PUBLIC_PATHS } from '../auth.options';
import { PRINCIPAL_REQUEST_KEY } from '../decorators/current-user.decorator';
import { IS_PUBLIC_KEY } from '../decorators/public.decorator';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { bearerToken, TokenVerifier } from '../tokens/token-verifier';

/**
 * Global guard: every HTTP route needs a valid access token unless marked @Public() (or it is an
 * operations path such as /health/ready). The principal goes on the request and into the log context.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly publicPaths: readonly string[];

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(AUTH_OPTIONS) options: Pick<AuthModuleOptions, 'publicPaths'>,
  ) {
    this.publicPaths = options.publicPaths ?? DEFAULT_PUBLIC_PATHS;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // Kafka handlers: events are trusted by the transport
    const req = context.switchToHttp().getRequest<Request>();
    const isPublic =
      this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]) === true ||
      this.publicPaths.includes(req.path);
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      if (isPublic) return true;
      this.challenge(context, 'invalid_request');
      throw new AuthException(req.headers.authorization ? AuthErrorCode.TokenInvalid : AuthErrorCode.TokenMissing);
    }
    try {
      const principal = await this.verifier.verify(token);
      (req as unknown as Record<string, unknown>)[PRINCIPAL_REQUEST_KEY] = principal;
      const ctx = RequestContext.current();
      if (ctx) ctx.userId = principal.id;
      return true;
    } catch (e) {
      if (isPublic) return true;
      this.challenge(context, 'invalid_token');
      throw e;
    }
  }

  private challenge(context: ExecutionContext, error: string) {
    const res = context.switchToHttp().getResponse<Response>();
    if (!res.headersSent) res.setHeader('WWW-Authenticate', `Bearer error="${error}"`);
  }
}

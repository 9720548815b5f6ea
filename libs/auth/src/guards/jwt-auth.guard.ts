import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AUTH_OPTIONS, AuthModuleOptions, DEFAULT_PUBLIC_PATHS } from '../auth.options';
import { IS_PUBLIC_KEY } from '../decorators/public.decorator';
import { TokenVerifier } from '../tokens/token-verifier';
import { authenticateRequest } from './authenticate-request';

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
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const isPublic =
      this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]) === true ||
      this.publicPaths.includes(req.path);
    // Public routes still read a valid token (so @CurrentUser works there); a bad one is ignored.
    await authenticateRequest(req, http.getResponse<Response>(), this.verifier, { optional: isPublic });
    return true;
  }
}

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '@helpdesk/contracts';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { principalOf } from '../decorators/current-user.decorator';
import { ROLES_KEY } from '../decorators/roles.decorator';
import { hasAnyRole } from '../tokens/principal';

/** Global guard after JwtAuthGuard: a route marked @Roles(...) needs one of those roles, else 403. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!required || required.length === 0) return true;
    const principal = principalOf(context);
    if (!principal) throw new AuthException(AuthErrorCode.TokenMissing);
    if (!hasAnyRole(principal, required)) throw new AuthException(AuthErrorCode.Forbidden);
    return true;
  }
}

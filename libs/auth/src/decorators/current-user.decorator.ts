import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from '../tokens/principal';

/** The request property that JwtAuthGuard fills with the verified principal. */
export const PRINCIPAL_REQUEST_KEY = 'user';

export function principalOf(context: ExecutionContext): Principal | undefined {
  return context.switchToHttp().getRequest()[PRINCIPAL_REQUEST_KEY] as Principal | undefined;
}

/** The verified caller (`@CurrentUser() user: Principal`), or one of its fields (`@CurrentUser('id')`). */
export const CurrentUser = createParamDecorator((field: keyof Principal | undefined, context: ExecutionContext) => {
  const principal = principalOf(context);
  return field ? principal?.[field] : principal;
});

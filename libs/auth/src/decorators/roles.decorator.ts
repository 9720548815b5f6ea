import { SetMetadata } from '@nestjs/common';
import { Role } from '@helpdesk/contracts';

export const ROLES_KEY = 'helpdesk:auth:roles';

/** Only callers holding at least one of these roles may call the route (others get 403). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

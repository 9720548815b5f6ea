import { Role, STAFF_ROLES } from '@helpdesk/contracts';

/** Who changes the CMDB: asset managers and admins (the role rule). */
export const ASSET_MANAGER_ROLES: readonly Role[] = ['asset_manager', 'admin'];

/** Who reads any CI: IT staff. Employees read only what is assigned to them (GET /me/assets). */
export const ASSET_READER_ROLES: readonly Role[] = STAFF_ROLES;

import { Role } from '@helpdesk/contracts';

/**
 * Who reads the CMDB reports: asset managers and admins (they act on them) and supervisors (they run the
 * desk). Other staff read single CIs and licences; the leavers report names people who left, so it is not
 * for every agent.
 */
export const ASSET_REPORT_ROLES: readonly Role[] = ['asset_manager', 'admin', 'supervisor'];

/** The problematic-CI report also serves problem managers: recurring incidents on one CI are their input. */
export const PROBLEMATIC_REPORT_ROLES: readonly Role[] = [...ASSET_REPORT_ROLES, 'problem_manager'];

import { Role } from '@helpdesk/contracts';

/** Who reads the service desk's figures: those who run it (supervisors) and admins; agents and employees do not. */
export const REPORT_ROLES: readonly Role[] = ['admin', 'supervisor'];

import { Role } from '../roles';

/**
 * The demo accounts that scripts, acceptance checks and the README rely on: one per role, all with
 * DEMO_PASSWORD (default below). The gateway's demo seed creates them (and checks it does).
 */
export const DEMO_LOGINS: ReadonlyArray<{ email: string; role: Role; note: string }> = [
  { email: 'employee@example.com', role: 'employee', note: 'employee (portal)' },
  { email: 'agent@example.com', role: 'agent', note: 'tier 1 service desk agent' },
  { email: 'specialist@example.com', role: 'specialist', note: 'tier 2 specialist' },
  { email: 'supervisor@example.com', role: 'supervisor', note: 'service desk supervisor' },
  { email: 'problem.manager@example.com', role: 'problem_manager', note: 'problem manager' },
  { email: 'knowledge.manager@example.com', role: 'knowledge_manager', note: 'knowledge manager' },
  { email: 'asset.manager@example.com', role: 'asset_manager', note: 'asset manager' },
  { email: 'admin@example.com', role: 'admin', note: 'administrator' },
];

export const DEFAULT_DEMO_PASSWORD = 'demo-password-1';

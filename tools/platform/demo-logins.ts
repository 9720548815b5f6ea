/**
 * The demo accounts that scripts and acceptance checks rely on (one per role). The gateway's demo seed
 * creates them; apps/api-gateway's integration tests log in with each to keep this list true.
 */
export const DEMO_LOGINS = [
  { email: 'employee@example.com', role: 'employee', note: 'employee (portal)' },
  { email: 'agent@example.com', role: 'agent', note: 'tier 1 service desk agent' },
  { email: 'specialist@example.com', role: 'specialist', note: 'tier 2 specialist' },
  { email: 'supervisor@example.com', role: 'supervisor', note: 'service desk supervisor' },
  { email: 'problem.manager@example.com', role: 'problem_manager', note: 'problem manager' },
  { email: 'knowledge.manager@example.com', role: 'knowledge_manager', note: 'knowledge manager' },
  { email: 'asset.manager@example.com', role: 'asset_manager', note: 'asset manager' },
  { email: 'admin@example.com', role: 'admin', note: 'administrator' },
] as const;

export const DEFAULT_DEMO_PASSWORD = 'demo-password-1';

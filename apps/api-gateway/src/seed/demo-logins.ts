import { envValue } from '@helpdesk/config';
import { DEFAULT_DEMO_PASSWORD, DEMO_LOGINS } from '@helpdesk/contracts';
import { DEMO_PEOPLE } from './demo-directory';

export { DEFAULT_DEMO_PASSWORD, DEMO_LOGINS };

/** The documented login list with the seeded people's names, as a small text table for the logs. */
export function formatDemoLogins(password: string = envValue(process.env, 'DEMO_PASSWORD') ?? DEFAULT_DEMO_PASSWORD): string {
  const width = Math.max(...DEMO_LOGINS.map((l) => l.email.length));
  const lines = DEMO_LOGINS.map((l) => {
    const person = DEMO_PEOPLE.find((p) => p.email === l.email);
    const name = [person?.displayNameJa, person?.displayNameEn].filter(Boolean).join(' / ');
    return `  ${l.role.padEnd(18)} ${l.email.padEnd(width)}  ${name}`;
  });
  return [`Demo sign-ins (password: ${password}):`, ...lines].join('\n');
}

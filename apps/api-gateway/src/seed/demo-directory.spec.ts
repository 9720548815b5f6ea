import { ROLES } from '@helpdesk/contracts';
import { DEMO_GROUPS, DEMO_PEOPLE } from './demo-directory';
import { DEMO_LOGINS, formatDemoLogins } from './demo-logins';

describe('demo directory', () => {
  const emails = new Set(DEMO_PEOPLE.map((p) => p.email));

  it('has one login per role with the documented addresses', () => {
    expect(DEMO_LOGINS.map((l) => l.role).sort()).toEqual([...ROLES].sort());
    expect(DEMO_LOGINS.map((l) => l.email).sort()).toEqual(
      [
        'admin@example.com',
        'agent@example.com',
        'asset.manager@example.com',
        'employee@example.com',
        'knowledge.manager@example.com',
        'problem.manager@example.com',
        'specialist@example.com',
        'supervisor@example.com',
      ].sort(),
    );
    for (const login of DEMO_LOGINS) expect(DEMO_PEOPLE.find((p) => p.email === login.email)!.roles).toContain(login.role);
    // The seed marks exactly the documented logins (contracts' DEMO_LOGINS), role for role.
    const marked = DEMO_PEOPLE.filter((p) => p.demoLoginFor).map((p) => `${p.email}:${p.demoLoginFor}`);
    expect(marked.sort()).toEqual(DEMO_LOGINS.map((l) => `${l.email}:${l.role}`).sort());
    expect(formatDemoLogins('pw')).toContain('employee@example.com');
  });

  it('lists unique people, managers before their reports, each with a name', () => {
    expect(emails.size).toBe(DEMO_PEOPLE.length);
    const seen = new Set<string>();
    for (const person of DEMO_PEOPLE) {
      if (person.managerEmail) expect(seen.has(person.managerEmail)).toBe(true);
      expect(person.displayNameJa ?? person.displayNameEn).toBeTruthy();
      seen.add(person.email);
    }
    expect(DEMO_PEOPLE.filter((p) => p.roles.includes('employee')).length).toBeGreaterThanOrEqual(20);
  });

  it('has the five groups, each with a known supervisor and members', () => {
    expect(DEMO_GROUPS.map((g) => [g.name, g.tier])).toEqual([
      ['Service Desk', 1],
      ['Desktop Support', 2],
      ['Network', 2],
      ['Identity & Access', 2],
      ['Applications', 2],
    ]);
    for (const group of DEMO_GROUPS) {
      expect(emails.has(group.supervisorEmail)).toBe(true);
      for (const m of group.memberEmails) expect(emails.has(m)).toBe(true);
    }
    expect(DEMO_GROUPS[0].memberEmails).toContain('agent@example.com');
  });
});

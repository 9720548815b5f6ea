import { DEFAULT_DEMO_PASSWORD, formatDemoLogins } from './demo-logins';

describe('formatDemoLogins', () => {
  const saved = process.env.DEMO_PASSWORD;
  afterEach(() => {
    if (saved === undefined) delete process.env.DEMO_PASSWORD;
    else process.env.DEMO_PASSWORD = saved;
  });

  it('shows DEMO_PASSWORD, and the default when it is unset or empty (as the config reads it)', () => {
    process.env.DEMO_PASSWORD = 'another-demo-password';
    expect(formatDemoLogins()).toContain('(password: another-demo-password)');
    process.env.DEMO_PASSWORD = '';
    expect(formatDemoLogins()).toContain(`(password: ${DEFAULT_DEMO_PASSWORD})`);
    delete process.env.DEMO_PASSWORD;
    expect(formatDemoLogins()).toContain(`(password: ${DEFAULT_DEMO_PASSWORD})`);
  });
});

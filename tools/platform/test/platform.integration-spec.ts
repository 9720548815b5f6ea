/**
 * End to end: `npm start`'s orchestrator brings the platform up on real PostgreSQL and Kafka, every
 * demo login works with its role, and SIGTERM shuts it down cleanly.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { dropDatabase } from '@helpdesk/database';
import { freePort, testDatabaseServerUrl } from '@helpdesk/testing';
import { DEFAULT_DEMO_PASSWORD, DEMO_LOGINS } from '@helpdesk/contracts';

describe('platform (npm start)', () => {
  let child: ChildProcess;
  let output = '';
  let port: number;
  const stateDir = mkdtempSync(join(tmpdir(), 'platform-'));
  const database = `t_platform_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    port = await freePort();
    child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/platform/platform.cli.ts', 'up'], {
      cwd: join(__dirname, '../../..'),
      env: {
        ...process.env,
        GATEWAY_PORT: String(port),
        PLATFORM_STATE_DIR: stateDir,
        DATABASE_NAME: database,
        SEED_DEMO: 'true',
        // Empty means "the default" for the gateway's config, and so for what the orchestrator prints.
        DEMO_PASSWORD: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`platform did not come up:\n${output}`)), 200_000);
      const check = () => {
        if (output.includes('The help desk is up')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', check);
      child.once('exit', (code) => reject(new Error(`platform exited with ${code}:\n${output}`)));
    });
  }, 240_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await dropDatabase(testDatabaseServerUrl(), database).catch(() => undefined);
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('prints the URLs and every demo login', () => {
    expect(output).toContain(`http://localhost:${port}/api/docs`);
    for (const login of DEMO_LOGINS) expect(output).toContain(login.email);
    expect(output).toContain(`Demo logins (password: ${DEFAULT_DEMO_PASSWORD})`);
  });

  it('lets every demo login sign in with its role', async () => {
    for (const login of DEMO_LOGINS) {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: login.email, password: DEFAULT_DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { accessToken: string; user: { roles: string[] } };
      expect(body.user.roles).toContain(login.role);
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('[platform] stopped');
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
  });
});

/**
 * The production build (what docker/Dockerfile.<app> runs) boots with plain node, no TypeScript
 * loader: aliases rewritten, decorators' metadata emitted, migrations found.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { dropDatabase } from '@helpdesk/database';
import { freePort, testDatabaseServerUrl, testKafkaBrokers, waitFor } from '@helpdesk/testing';

const root = join(__dirname, '../../..');

describe('production build of api-gateway', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'build-'));
  const database = `t_build_${randomBytes(4).toString('hex')}`;
  let child: ChildProcess | undefined;
  let log = '';

  afterAll(async () => {
    child?.kill('SIGKILL');
    await dropDatabase(testDatabaseServerUrl(), database).catch(() => undefined);
    rmSync(outDir, { recursive: true, force: true });
  });

  it('compiles and serves /health/ready and a login with node alone', async () => {
    execFileSync(process.execPath, ['-r', '@swc-node/register', 'tools/build/build-app.ts', 'api-gateway', outDir], {
      cwd: root,
      stdio: 'pipe',
    });
    const port = await freePort();
    child = spawn(process.execPath, [join(outDir, 'apps/api-gateway/src/main.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        // In the image node_modules sits beside the build; here it is the repo's.
        NODE_PATH: join(root, 'node_modules'),
        NODE_ENV: 'development',
        PORT: String(port),
        DATABASE_URL: testDatabaseServerUrl(),
        DATABASE_NAME: database,
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        SEED_DEMO: 'true',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (log += d));
    child.stderr!.on('data', (d) => (log += d));
    const outcome = await waitFor(
      async () => {
        if (child!.exitCode !== null) return 'exited';
        const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
        return res?.ok ? 'ready' : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 300, description: 'the built gateway to be ready' },
    );
    if (outcome !== 'ready') throw new Error(`the built gateway exited with ${child.exitCode}:\n${log}`);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'demo-password-1' }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { user: { roles: string[] } }).user.roles).toContain('admin');
  });
});

import { ChildProcess, spawn } from 'node:child_process';
import { createServer, Server } from 'node:net';
import { join } from 'node:path';

const FIXTURE = join(__dirname, 'bootstrap-service.fixture.ts');
const ROOT = join(__dirname, '../../../..');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(port: number): Run {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', FIXTURE], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

describe('bootstrapService (in a child process)', () => {
  jest.setTimeout(60_000);

  it('says once that it listens, and stops cleanly on SIGTERM', async () => {
    const probe = createServer();
    const port = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    const run = start(port);
    try {
      await until(() => /listening on/.test(run.output()), 45_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.output().match(/listening on/g)).toHaveLength(1);
      expect(run.output()).toContain(`bootstrap-fixture listening on http://127.0.0.1:${port}`);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('a start-up that fails (port taken) exits 1 and says why', async () => {
    const busy = createServer();
    const port = await listen(busy);
    const run = start(port);
    try {
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain('EADDRINUSE');
      expect(run.output()).toContain('"level":"error"');
    } finally {
      run.child.kill('SIGKILL');
      await new Promise((resolve) => busy.close(resolve));
    }
  });
});

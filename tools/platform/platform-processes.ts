import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformApp } from './platform-apps';

/** PLATFORM_STATE_DIR lets a test run a second platform beside a developer's own. */
const STATE_DIR = process.env.PLATFORM_STATE_DIR ?? join(process.cwd(), '.local');
export const RUN_DIR = join(STATE_DIR, 'run');
export const LOG_DIR = join(STATE_DIR, 'logs');

export interface RunningApp {
  app: PlatformApp;
  child: ChildProcess;
  logFile: string;
}

/** Starts one app with its log in .local/logs/<name>.log (appended, one JSON line per record). */
export function startApp(app: PlatformApp, env: NodeJS.ProcessEnv): RunningApp {
  mkdirSync(LOG_DIR, { recursive: true });
  mkdirSync(RUN_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${app.name}.log`);
  const fd = openSync(logFile, 'a');
  // PLATFORM_NODE_ARGS: extra node flags for every app, e.g. --cpu-prof when profiling a benchmark.
  const nodeArgs = (env.PLATFORM_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', app.main], {
    env,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  writeFileSync(join(RUN_DIR, `${app.name}.pid`), String(child.pid));
  return { app, child, logFile };
}

/** Polls /health/ready until 200, failing early if the process exits. */
export async function waitReady(running: RunningApp, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  running.child.once('exit', (code) => (exited = code ?? 1));
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`${running.app.name} exited with code ${exited}\n${tail(running.logFile)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${running.app.port}/health/ready`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${running.app.name} was not ready within ${timeoutMs / 1000} s\n${tail(running.logFile)}`);
}

/** SIGTERM, then SIGKILL after the grace period; resolves when the process is gone. */
export function stopApp(running: RunningApp, graceMs = 30_000): Promise<void> {
  return new Promise((resolve) => {
    if (running.child.exitCode !== null || running.child.signalCode !== null) return resolve();
    const timer = setTimeout(() => running.child.kill('SIGKILL'), graceMs);
    running.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    running.child.kill('SIGTERM');
  });
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

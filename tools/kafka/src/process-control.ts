import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** A pid from a pid file, or undefined when the file is missing or garbled. */
export function readPidFile(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * True while the process exists and has not fully exited. A zombie still answers kill 0 until its
 * parent reaps it (an init that never reaps would keep it forever), so a zombie with no live
 * threads counts as gone. A zombie leader with live threads is still tearing down (e.g. a JVM
 * closing its sockets), so it still counts as alive.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = readProc(pid, 'stat');
  if (stat === undefined) return true; // no /proc: trust kill 0
  // "pid (comm) state ...": comm may contain spaces and parentheses, so read after the last ')'.
  const state = stat.charAt(stat.lastIndexOf(')') + 2);
  return state !== 'Z' || liveThreadCount(pid) > 0;
}

function liveThreadCount(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/task`).filter((tid) => {
      const stat = readProc(pid, `task/${tid}/stat`);
      return stat !== undefined && stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z';
    }).length;
  } catch {
    return 0;
  }
}

/** The process command line (Linux /proc), or undefined where /proc is unavailable. */
export function processCommandLine(pid: number): string | undefined {
  return readProc(pid, 'cmdline')?.split('\0').join(' ');
}

/**
 * True when the pid is alive and its command line contains every marker; a stale pid file whose
 * number was reused by another program must not be signalled. Without /proc, liveness is enough.
 */
export function isOwnProcess(pid: number, markers: string[]): boolean {
  if (!isProcessAlive(pid)) return false;
  const cmdline = processCommandLine(pid);
  return cmdline === undefined || markers.every((marker) => cmdline.includes(marker));
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(100);
  }
  return true;
}

/** SIGTERM, then SIGKILL if the process has not exited after graceMs. */
export async function terminate(pid: number, graceMs: number, log?: (msg: string) => void): Promise<void> {
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, graceMs)) return;
  log?.(`Process ${pid} ignored SIGTERM for ${graceMs} ms; sending SIGKILL`);
  signal(pid, 'SIGKILL');
  if (!(await waitForExit(pid, 10_000))) throw new Error(`Process ${pid} survived SIGKILL`);
}

export function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

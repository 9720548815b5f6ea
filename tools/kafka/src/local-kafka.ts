import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { resolveKafkaJars } from './kafka-jars';
import { probeKafka } from './kafka-probe';
import { isPortFree } from './ports';
import { isOwnProcess, readPidFile, signal, sleep, terminate, waitForExit } from './process-control';
import { renderServerProperties } from './server-properties';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const LOG4J_CONFIG = resolve(__dirname, '..', 'log4j.properties');
// Marks a broker process as ours in its command line (checked before signalling a pid file's pid).
const MAIN_CLASS = 'kafka.Kafka';

export interface LocalKafkaOptions {
  /** Client (PLAINTEXT) port. Default: KAFKA_PORT or 9092. */
  port?: number;
  /** KRaft controller port. Default: port + 1. */
  controllerPort?: number;
  /** Holds server.properties, the topic data, the pid file and the log. Default: <repo>/.local/kafka/<port>. */
  dataDir?: string;
  /** JVM heap flags. Default: -Xms256m -Xmx512m. */
  heap?: string;
  /** Broker stdout/stderr. Default: <dataDir>/broker.log. */
  logFile?: string;
  /** Jar folder; default: resolved with Maven into the cache (see resolveKafkaJars). */
  libsDir?: string;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
  log?: (msg: string) => void;
}

export function defaultKafkaPort(env: NodeJS.ProcessEnv = process.env): number {
  if (!env.KAFKA_PORT) return 9092;
  const port = Number(env.KAFKA_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`KAFKA_PORT is not a port: "${env.KAFKA_PORT}"`);
  return port;
}

export function defaultKafkaDataDir(port: number): string {
  return join(REPO_ROOT, '.local', 'kafka', String(port));
}

/** A single-node Apache Kafka broker (KRaft mode) run as a detached JVM that outlives this process. */
export class LocalKafka {
  readonly port: number;
  readonly controllerPort: number;
  readonly dataDir: string;
  readonly logFile: string;
  readonly pidFile: string;
  readonly propertiesFile: string;
  readonly brokers: string;
  private readonly heap: string;
  private readonly opts: LocalKafkaOptions;

  constructor(opts: LocalKafkaOptions = {}) {
    this.opts = opts;
    this.port = opts.port ?? defaultKafkaPort();
    this.controllerPort = opts.controllerPort ?? this.port + 1;
    this.dataDir = resolve(opts.dataDir ?? defaultKafkaDataDir(this.port));
    this.logFile = resolve(opts.logFile ?? join(this.dataDir, 'broker.log'));
    this.pidFile = LocalKafka.pidFileFor(this.dataDir);
    this.propertiesFile = join(this.dataDir, 'server.properties');
    this.heap = opts.heap ?? '-Xms256m -Xmx512m';
    this.brokers = `127.0.0.1:${this.port}`;
  }

  static pidFileFor(dataDir: string): string {
    return join(dataDir, 'kafka.pid');
  }

  /** Stops the broker a pid file names, if it is still running. Returns whether one was stopped. */
  static async stopFromPidFile(
    pidFile: string,
    opts: { timeoutMs?: number; log?: (msg: string) => void } = {},
  ): Promise<boolean> {
    const pid = readPidFile(pidFile);
    const running = pid !== undefined && isOwnProcess(pid, [MAIN_CLASS]);
    if (running) {
      opts.log?.(`Stopping Kafka broker (pid ${pid})`);
      await terminate(pid, opts.timeoutMs ?? 30_000, opts.log);
    }
    await rm(pidFile, { force: true });
    return running;
  }

  /** The broker's pid when it is running. */
  get pid(): number | undefined {
    const pid = readPidFile(this.pidFile);
    return pid !== undefined && isOwnProcess(pid, [MAIN_CLASS, this.propertiesFile]) ? pid : undefined;
  }

  isRunning(): boolean {
    return this.pid !== undefined;
  }

  /** Starts the broker (or adopts the one already running on this data dir) and waits until it serves requests. */
  async start(): Promise<void> {
    if (this.isRunning()) {
      this.opts.log?.(`Kafka already running on ${this.brokers} (pid ${this.pid})`);
      await this.waitUntilReady(this.pid as number, 0);
      return;
    }
    await this.assertPortsFree();
    const classpath = join(this.opts.libsDir ?? (await resolveKafkaJars({ log: this.opts.log })).libsDir, '*');
    const logDir = join(this.dataDir, 'data');
    await mkdir(logDir, { recursive: true });
    writeFileSync(this.propertiesFile, renderServerProperties({ port: this.port, controllerPort: this.controllerPort, logDir }));

    // Formatting again would refuse (or wipe the cluster id), so only a fresh data dir is formatted.
    if (!existsSync(join(logDir, 'meta.properties'))) await this.formatStorage(classpath);

    const logStart = existsSync(this.logFile) ? statSync(this.logFile).size : 0;
    const pid = this.spawnBroker(classpath);
    writeFileSync(this.pidFile, `${pid}\n`);
    this.opts.log?.(`Kafka broker starting on ${this.brokers} (pid ${pid}, log ${this.logFile})`);
    try {
      await this.waitUntilReady(pid, logStart);
    } catch (err) {
      // Do not leave a half-started JVM holding the ports.
      await terminate(pid, 5000).catch(() => undefined);
      await rm(this.pidFile, { force: true });
      throw err;
    }
  }

  /** Graceful stop: SIGTERM, wait (stopTimeoutMs, default 30 s), then SIGKILL. */
  async stop(): Promise<void> {
    const pid = this.pid;
    if (pid !== undefined) {
      this.opts.log?.(`Stopping Kafka broker (pid ${pid})`);
      await terminate(pid, this.opts.stopTimeoutMs ?? 30_000, this.opts.log);
    }
    await rm(this.pidFile, { force: true });
  }

  /** SIGKILL, as a crash would; the pid file is left behind on purpose (it is stale now). */
  async kill(): Promise<void> {
    const pid = this.pid;
    if (pid === undefined) return;
    signal(pid, 'SIGKILL');
    if (!(await waitForExit(pid, 10_000))) throw new Error(`Kafka broker ${pid} survived SIGKILL`);
  }

  private async assertPortsFree(): Promise<void> {
    for (const port of [this.port, this.controllerPort]) {
      if (!(await isPortFree(port))) {
        throw new Error(
          `Cannot start Kafka: port ${port} on 127.0.0.1 is already in use (check with \`ss -ltnp | grep ${port}\`; ` +
            `set KAFKA_PORT to use another port, or KAFKA_BROKERS to use a running broker).`,
        );
      }
    }
  }

  private async formatStorage(classpath: string): Promise<void> {
    // A KRaft cluster id is 16 random bytes in URL-safe base64 (what `kafka-storage random-uuid` prints). Like
    // Kafka's own Uuid.randomUuid, never one starting with '-': the tool would read it as an option (1 run in 64).
    let clusterId = randomBytes(16).toString('base64url');
    while (clusterId.startsWith('-')) clusterId = randomBytes(16).toString('base64url');
    this.opts.log?.(`Formatting Kafka storage in ${this.dataDir} (cluster id ${clusterId})`);
    const args = [
      `-Dlog4j.configuration=file:${LOG4J_CONFIG}`,
      '-cp',
      classpath,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      this.propertiesFile,
    ];
    const output = await runJava(args);
    if (output.code !== 0) throw new Error(`Kafka storage format failed (exit ${output.code}):\n${output.text.trim()}`);
  }

  private spawnBroker(classpath: string): number {
    const args = [
      ...this.heap.split(/\s+/).filter(Boolean),
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${LOG4J_CONFIG}`,
      `-Dkafka.logs.dir=${this.dataDir}`,
      '-cp',
      classpath,
      MAIN_CLASS,
      this.propertiesFile,
    ];
    const out = openSync(this.logFile, 'a');
    try {
      writeSync(out, `--- LocalKafka start ${new Date().toISOString()} ---\n`);
      const child = spawn(javaBinary(), args, { cwd: this.dataDir, detached: true, stdio: ['ignore', out, out] });
      child.on('error', () => undefined); // reported by waitUntilReady as "exited"
      child.unref();
      if (child.pid === undefined) throw new Error(`Cannot run ${javaBinary()}: install Java 17+ or set JAVA_HOME`);
      return child.pid;
    } finally {
      closeSync(out);
    }
  }

  private async waitUntilReady(pid: number, logStart: number): Promise<void> {
    const timeoutMs = this.opts.startTimeoutMs ?? 90_000;
    const deadline = Date.now() + timeoutMs;
    let lastError = '';
    for (;;) {
      if (!isOwnProcess(pid, [MAIN_CLASS])) {
        throw new Error(
          `Kafka broker (pid ${pid}) exited during start-up. Last lines of ${this.logFile}:\n${this.logTail(logStart)}`,
        );
      }
      try {
        await probeKafka(this.brokers, { timeoutMs: 5000, createTopic: true });
        return;
      } catch (err) {
        lastError = (err as Error).message;
      }
      if (Date.now() >= deadline) {
        throw new Error(
          `Kafka broker on ${this.brokers} not ready after ${timeoutMs / 1000} s (last probe error: ${lastError}). ` +
            `Last lines of ${this.logFile}:\n${this.logTail(logStart)}`,
        );
      }
      await sleep(500);
    }
  }

  private logTail(from: number, lines = 30): string {
    if (!existsSync(this.logFile)) return '(no log file)';
    const text = readFileSync(this.logFile).subarray(from).toString('utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n') || '(log is empty)';
  }
}

function javaBinary(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

function runJava(args: string[]): Promise<{ code: number | null; text: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(javaBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.on('error', (err) =>
      reject(new Error(`Cannot run ${javaBinary()}: ${err.message}. Install Java 17+ or set JAVA_HOME.`)),
    );
    child.on('close', (code) => resolvePromise({ code, text }));
  });
}

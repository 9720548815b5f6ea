import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { isProcessAlive } from './process-control';

/** tools/kafka/pom.xml: the single source of the Kafka version and its runtime jars. */
export const KAFKA_POM = resolve(__dirname, '..', 'pom.xml');

// Written only after Maven succeeded, so an interrupted copy is never mistaken for a complete one.
const MARKER = '.complete.json';

export interface KafkaJars {
  version: string;
  libsDir: string;
  /** Java class path wildcard: `<libsDir>/*`. */
  classpath: string;
  jarCount: number;
  /** True when this call ran Maven; false when the cache was already complete. */
  downloaded: boolean;
}

export interface ResolveKafkaJarsOptions {
  pomPath?: string;
  /** Defaults to HELPDESK_CACHE_DIR or ~/.cache/helpdesk. */
  cacheDir?: string;
  /** Extra Maven arguments, e.g. `-Dmaven.repo.local=/tmp/m2`. */
  mavenArgs?: string[];
  log?: (msg: string) => void;
}

export function kafkaVersionFromPom(pomPath: string = KAFKA_POM): string {
  const match = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(readFileSync(pomPath, 'utf8'));
  if (!match) throw new Error(`No <kafka.version> property in ${pomPath}`);
  return match[1];
}

export function helpdeskCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.HELPDESK_CACHE_DIR || join(homedir(), '.cache', 'helpdesk');
}

/** The folder the jars live in for a version (it may not be resolved yet). */
export function kafkaLibsDir(version: string, cacheDir: string = helpdeskCacheDir()): string {
  return join(cacheDir, `kafka-${version}`, 'libs');
}

/** Copies the broker jars from Maven Central into the cache, unless an earlier run completed it. */
export async function resolveKafkaJars(opts: ResolveKafkaJarsOptions = {}): Promise<KafkaJars> {
  const pomPath = opts.pomPath ?? KAFKA_POM;
  const version = kafkaVersionFromPom(pomPath);
  const libsDir = kafkaLibsDir(version, opts.cacheDir ?? helpdeskCacheDir());
  // The pom hash is part of the marker so that editing the pom (another slf4j binding, say) re-resolves.
  const pomHash = createHash('sha256').update(readFileSync(pomPath)).digest('hex');

  const complete = await readMarker(libsDir);
  if (complete?.pomHash === pomHash) {
    return { version, libsDir, classpath: join(libsDir, '*'), jarCount: complete.jarCount, downloaded: false };
  }

  // Copy into a private folder and rename it into place: concurrent or interrupted runs never
  // leave a half-filled libs folder behind a marker.
  const staging = `${libsDir}.partial-${process.pid}`;
  await removeAbandonedStaging(libsDir);
  await mkdir(staging, { recursive: true });
  opts.log?.(`Resolving Kafka ${version} jars with Maven into ${libsDir}`);
  try {
    await runMaven([
      '-B',
      '-q',
      '-Dstyle.color=never',
      '-f',
      pomPath,
      'dependency:copy-dependencies',
      `-Dkafka.libs=${staging}`,
      ...(opts.mavenArgs ?? []),
    ]);
    const jarCount = (await readdir(staging)).filter((name) => name.endsWith('.jar')).length;
    if (jarCount === 0) throw new Error(`Maven copied no jars into ${staging}`);
    await rm(libsDir, { recursive: true, force: true });
    await rename(staging, libsDir);
    await writeFile(join(libsDir, MARKER), JSON.stringify({ version, pomHash, jarCount }) + '\n');
    return { version, libsDir, classpath: join(libsDir, '*'), jarCount, downloaded: true };
  } catch (err) {
    // Another process may have completed the same cache while we were copying.
    const raced = await readMarker(libsDir);
    if (raced?.pomHash === pomHash) {
      return { version, libsDir, classpath: join(libsDir, '*'), jarCount: raced.jarCount, downloaded: false };
    }
    throw err;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

// A run killed mid-copy leaves its staging folder; drop those whose process is gone.
async function removeAbandonedStaging(libsDir: string): Promise<void> {
  const parent = dirname(libsDir);
  const prefix = `${basename(libsDir)}.partial-`;
  const names = existsSync(parent) ? await readdir(parent) : [];
  for (const name of names.filter((n) => n.startsWith(prefix))) {
    const pid = Number(name.slice(prefix.length));
    if (pid === process.pid || !isProcessAlive(pid)) await rm(join(parent, name), { recursive: true, force: true });
  }
}

async function readMarker(libsDir: string): Promise<{ pomHash: string; jarCount: number } | undefined> {
  const file = join(libsDir, MARKER);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as { pomHash: string; jarCount: number };
  } catch {
    return undefined;
  }
}

function runMaven(args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-8000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (err) => reject(new Error(`Cannot run Maven (mvn): ${err.message}. Install Maven 3.8+ and Java 17+.`)));
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`mvn ${args.join(' ')} failed with exit code ${code}:\n${output.trim()}`));
    });
  });
}

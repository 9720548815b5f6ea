/**
 * Production build of one app: SWC compiles the app and the shared libs it may import to CommonJS in
 * dist/apps/<app>, rewriting the @helpdesk/* aliases of tsconfig.base.json to relative paths so plain
 * `node dist/apps/<app>/apps/<app>/src/main.js` runs without a loader. Type checking is `npm run typecheck`.
 *   node -r @swc-node/register tools/build/build-app.ts api-gateway [outDir]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const app = process.argv[2];
if (!app) {
  process.stderr.write('usage: build-app.ts <app> [outDir]\n');
  process.exit(2);
}
const root = resolve(__dirname, '../..');
const outDir = resolve(process.argv[3] ?? join(root, 'dist', 'apps', app));
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
// Only runtime libs: test helpers and local-infrastructure tooling never ship.
const paths = Object.fromEntries(
  Object.entries(compilerOptions.paths as Record<string, string[]>).filter(
    ([, [target]]) => target.startsWith('libs/') && !target.startsWith('libs/testing/'),
  ),
);
swcrc.jsc.baseUrl = root;
swcrc.jsc.paths = paths;
const sources = [`apps/${app}/src`, ...Object.values(paths).map(([target]) => target.replace(/\/index\.ts$/, ''))];

const tmp = mkdtempSync(join(tmpdir(), 'swcrc-'));
const configFile = join(tmp, '.swcrc');
writeFileSync(configFile, JSON.stringify(swcrc));
rmSync(outDir, { recursive: true, force: true });
try {
  execFileSync(
    join(root, 'node_modules', '.bin', 'swc'),
    [...sources, '-d', outDir, '--config-file', configFile, '--ignore', '**/*.spec.ts', '--copy-files', '--only', '**/*.ts'],
    { cwd: root, stdio: 'inherit' },
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.stdout.write(`built ${app} → ${outDir}/apps/${app}/src/main.js\n`);

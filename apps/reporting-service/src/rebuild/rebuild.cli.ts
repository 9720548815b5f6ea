// Entry point of the read-model rebuild (README, "Rebuild"):
//   node -r @swc-node/register apps/reporting-service/src/rebuild/rebuild.cli.ts [--allow-truncated-topics]
import 'reflect-metadata';
import { runRebuildCommand } from './rebuild-command';

runRebuildCommand(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: Error) => {
    process.stderr.write(`Rebuild failed: ${err.message}\n`);
    process.exitCode = 1;
  },
);

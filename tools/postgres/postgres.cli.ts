// Entry point for `npm run postgres:ensure`: node -r @swc-node/register tools/postgres/postgres.cli.ts <command>
import { runPostgresCli } from './src/postgres.cli';

runPostgresCli(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: Error) => {
    console.error(err.message);
    process.exitCode = 1;
  },
);

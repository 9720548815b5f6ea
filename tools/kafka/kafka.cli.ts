// Entry point for `npm run kafka:start|kafka:stop`: node -r @swc-node/register tools/kafka/kafka.cli.ts <command>
import { runKafkaCli } from './src/kafka.cli';

runKafkaCli(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: Error) => {
    console.error(err.message);
    process.exitCode = 1;
  },
);

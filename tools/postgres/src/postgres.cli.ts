import { EmbeddedPostgresServer } from './embedded-postgres-server';
import { ensurePostgres } from './local-postgres';

const USAGE = 'Usage: postgres.cli.ts ensure|stop|status   (see docs/local-infrastructure.md for the env vars)';

/** `ensure` finds or starts a PostgreSQL and prints its URL; `stop`/`status` act on the embedded one. */
export async function runPostgresCli(argv: string[]): Promise<number> {
  const log = (msg: string): void => console.error(msg);
  switch (argv[0]) {
    case 'ensure': {
      const pg = await ensurePostgres({ log });
      console.log(`DATABASE_URL=${pg.url}`);
      console.log(
        `kind: ${pg.kind}${pg.kind === 'embedded' ? (pg.started ? ' (started; stop with `postgres.cli.ts stop`)' : ' (already running)') : ''}`,
      );
      return 0;
    }
    case 'stop': {
      const server = new EmbeddedPostgresServer({ log });
      const running = server.isRunning();
      await server.stop();
      console.log(running ? 'Embedded PostgreSQL stopped' : `No embedded PostgreSQL running on ${server.dataDir}`);
      return 0;
    }
    case 'status': {
      const server = new EmbeddedPostgresServer();
      const port = server.runningPort();
      console.log(
        port ? `embedded: running on ${server.urlFor(port)}, log ${server.logFile}` : `embedded: not running (${server.dataDir})`,
      );
      return port ? 0 : 1;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

import { createServer } from 'node:net';
import { EmbeddedPostgresOptions, EmbeddedPostgresServer } from './embedded-postgres-server';
import { postgresAnswers, queryOnce, redactUrl } from './pg-query';

export type PostgresKind = 'env' | 'local' | 'embedded';
export type PostgresMode = 'auto' | PostgresKind;

export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface EnsuredPostgres {
  /** Admin URL (database `postgres`); services derive their own database from it. */
  url: string;
  kind: PostgresKind;
  /** True when this call started the server (then stop() stops it). */
  started: boolean;
  /** Stops the embedded server if this call started it; otherwise does nothing. */
  stop(): Promise<void>;
}

export interface EnsurePostgresOptions extends EmbeddedPostgresOptions {
  /** Default: HELPDESK_POSTGRES, else 'auto' (DATABASE_URL, then 127.0.0.1:5432, then embedded). */
  mode?: PostgresMode;
  /** Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** The local server tried before the embedded one. Default: LOCAL_POSTGRES_URL. */
  localUrl?: string;
  /** How long the local server gets to answer before falling back. Default 2000 ms. */
  probeTimeoutMs?: number;
}

/** Finds (DATABASE_URL, local server) or starts (embedded) a PostgreSQL; see docs/local-infrastructure.md. */
export async function ensurePostgres(opts: EnsurePostgresOptions = {}): Promise<EnsuredPostgres> {
  const env = opts.env ?? process.env;
  const mode = parseMode(opts.mode ?? env.HELPDESK_POSTGRES);
  const noop = async (): Promise<void> => undefined;

  if (mode === 'env' || (mode === 'auto' && env.DATABASE_URL)) {
    const url = env.DATABASE_URL;
    if (!url) throw new Error('HELPDESK_POSTGRES=env but DATABASE_URL is not set.');
    try {
      await queryOnce(url, 'select 1', 5000);
    } catch (err) {
      throw new Error(
        `DATABASE_URL (${redactUrl(url)}) does not answer: ${describe(err)}. Fix it, or unset it to use a local server.`,
      );
    }
    opts.log?.(`Using PostgreSQL at DATABASE_URL (${redactUrl(url)})`);
    return { url, kind: 'env', started: false, stop: noop };
  }

  if (mode === 'local' || mode === 'auto') {
    const url = opts.localUrl ?? LOCAL_POSTGRES_URL;
    if (await postgresAnswers(url, opts.probeTimeoutMs ?? 2000)) {
      opts.log?.(`Using the local PostgreSQL at ${url}`);
      return { url, kind: 'local', started: false, stop: noop };
    }
    if (mode === 'local') throw new Error(`HELPDESK_POSTGRES=local but nothing answers at ${redactUrl(url)}.`);
  }

  return ensureEmbedded(new EmbeddedPostgresServer(opts), opts.log);
}

async function ensureEmbedded(server: EmbeddedPostgresServer, log?: (msg: string) => void): Promise<EnsuredPostgres> {
  const noop = async (): Promise<void> => undefined;
  // A server left running on this data dir by an earlier run (e.g. `postgres:ensure`) is reused.
  const runningPort = server.runningPort();
  if (runningPort !== undefined && (await postgresAnswers(server.urlFor(runningPort)))) {
    log?.(`Reusing the embedded PostgreSQL already running on port ${runningPort}`);
    return { url: server.urlFor(runningPort), kind: 'embedded', started: false, stop: noop };
  }
  if (!(await isPortFree(server.port))) {
    throw new Error(
      `Cannot start the embedded PostgreSQL: port ${server.port} on 127.0.0.1 is in use ` +
        `(set EMBEDDED_PG_PORT to another port, or DATABASE_URL to use that server).`,
    );
  }
  await server.start();
  return { url: server.urlFor(), kind: 'embedded', started: true, stop: () => server.stop() };
}

function parseMode(value: string | undefined): PostgresMode {
  const mode = value || 'auto';
  if (mode === 'auto' || mode === 'env' || mode === 'local' || mode === 'embedded') return mode;
  throw new Error(`HELPDESK_POSTGRES must be auto, env, local or embedded, not "${value}".`);
}

function describe(err: unknown): string {
  // AggregateError (IPv4 and IPv6 both refused) has an empty message.
  const error = err as Error & { code?: string; errors?: Error[] };
  return error.message || error.code || error.errors?.map((e) => e.message).join('; ') || String(err);
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

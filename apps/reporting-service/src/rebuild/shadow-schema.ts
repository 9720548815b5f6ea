import { LoggerService } from '@nestjs/common';
import { QueryRunner } from 'typeorm';
import { qualified, quoteIdent } from './sql-identifiers';

/** Schemas a rebuild creates; one left behind by a crashed run is dropped by the next (they hold nothing else). */
export const REBUILD_SCHEMA_PREFIX = 'reporting_rebuild_';
export const RETIRED_SCHEMA_PREFIX = 'reporting_retired_';

// lock_not_available (lock_timeout), deadlock_detected: a live transaction was in the way; try again.
const LOCK_CONFLICTS = new Set(['55P03', '40P01']);
const SWAP_ATTEMPTS = 5;

interface IndexDefinition {
  name: string;
  ddl: string;
}

/**
 * The read-model tables of the live schema and their shadow copies: clone the tables (columns, defaults,
 * checks, then the same constraint and index names, storage parameters, owner and grants, so that later
 * migrations, the planner and privileges find what they expect), and swap the shadow tables in for the live ones in one transaction.
 * Everything runs on the one connection the rebuild holds.
 */
export class ShadowSchema {
  constructor(
    private readonly runner: QueryRunner,
    private readonly tables: readonly string[],
    private readonly logger: LoggerService,
    /** The schema the service's tables live in (its connection's current_schema()). */
    readonly live: string,
  ) {}

  static async of(runner: QueryRunner, tables: readonly string[], logger: LoggerService): Promise<ShadowSchema> {
    const [{ schema }] = await runner.query(`SELECT current_schema() AS schema`);
    if (!schema) throw new Error('The database connection has no current schema (search_path)');
    return new ShadowSchema(runner, tables, logger, schema as string);
  }

  /**
   * Refuses before any work what the swap cannot carry over: a missing table (migrations not run), a table
   * this role cannot move, or an object bound to the live table itself (a view, a foreign key, a trigger,
   * a row-level security policy would stay with the old table).
   */
  async assertSwappable(): Promise<void> {
    const problems: string[] = [];
    for (const table of this.tables) {
      const name = qualified(this.live, table);
      const [found] = await this.runner.query(
        `SELECT c.oid, pg_has_role(c.relowner, 'MEMBER') AS owned FROM pg_class c WHERE c.oid = to_regclass($1)`,
        [name],
      );
      if (!found) {
        problems.push(`${name} does not exist (start the service once so that its migrations run)`);
        continue;
      }
      if (!found.owned) problems.push(`${name} is not owned by this database role (run the rebuild as the service's role)`);
      const bound: Array<{ what: string }> = await this.runner.query(
        `SELECT 'view ' || r.ev_class::regclass::text AS what
           FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
          WHERE d.classid = 'pg_rewrite'::regclass AND d.refobjid = $1 AND r.ev_class <> $1
         UNION SELECT 'foreign key ' || conname FROM pg_constraint WHERE contype = 'f' AND (conrelid = $1 OR confrelid = $1)
         UNION SELECT 'trigger ' || tgname FROM pg_trigger WHERE tgrelid = $1 AND NOT tgisinternal
         UNION SELECT 'policy ' || polname FROM pg_policy WHERE polrelid = $1`,
        [found.oid],
      );
      for (const b of bound) problems.push(`${name} has a ${b.what}, which the rebuild's table swap would leave behind`);
    }
    if (problems.length > 0) throw new Error(`Cannot rebuild the read models: ${problems.join('; ')}`);
  }

  /** Drops what a crashed rebuild left (the caller holds the rebuild lock, so no other run owns them). */
  async dropLeftovers(): Promise<string[]> {
    const rows: Array<{ name: string }> = await this.runner.query(
      `SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1) OR starts_with(nspname, $2) ORDER BY 1`,
      [REBUILD_SCHEMA_PREFIX, RETIRED_SCHEMA_PREFIX],
    );
    for (const { name } of rows) await this.drop(name);
    return rows.map((r) => r.name);
  }

  /**
   * The shadow schema with an empty copy of each table: columns, defaults and checks (LIKE), then the
   * primary and unique keys the projections' ON CONFLICT needs, under the live names. Returns the other
   * indexes, for `finish` to build after the load (faster than maintaining them row by row).
   */
  async create(shadow: string): Promise<IndexDefinition[]> {
    const later: IndexDefinition[] = [];
    await this.runner.startTransaction();
    try {
      await this.runner.query(`CREATE SCHEMA ${quoteIdent(shadow)}`);
      for (const table of this.tables) {
        const from = qualified(this.live, table);
        const to = qualified(shadow, table);
        await this.runner.query(`CREATE TABLE ${to} (LIKE ${from} INCLUDING ALL EXCLUDING INDEXES)`);
        for (const c of await this.keyConstraints(from)) {
          await this.runner.query(`ALTER TABLE ${to} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
        }
        for (const index of await this.plainIndexes(table, shadow)) {
          if (index.unique) await this.runner.query(index.ddl);
          else later.push(index);
        }
        await this.copyStorageOptions(from, to);
        await this.copyOwnerAndGrants(from, to);
      }
      await this.runner.commitTransaction();
    } catch (err) {
      await this.rollback();
      throw err;
    }
    return later;
  }

  /** Builds the deferred indexes and gathers planner statistics, so the tables are ready to serve reports. */
  async finish(shadow: string, indexes: readonly IndexDefinition[]): Promise<void> {
    for (const index of indexes) await this.runner.query(index.ddl);
    for (const table of this.tables) await this.runner.query(`ANALYZE ${qualified(shadow, table)}`);
  }

  /**
   * In one transaction: lock the live tables (waiting at most lock_timeout for live transactions, in the
   * order the projections write them), check that no migration changed them meanwhile, move them to the
   * retired schema and the shadow tables into their place. Queries waiting on the lock then run against
   * the new tables (PostgreSQL looks the name up again once it gets the lock).
   */
  async swap(shadow: string, retired: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.runner.startTransaction();
      try {
        await this.runner.query(`SET LOCAL lock_timeout = '5s'`);
        const live = this.tables.map((t) => qualified(this.live, t)).join(', ');
        await this.runner.query(`LOCK TABLE ${live} IN ACCESS EXCLUSIVE MODE`);
        await this.assertSameColumns(shadow);
        await this.runner.query(`CREATE SCHEMA ${quoteIdent(retired)}`);
        for (const table of this.tables) {
          await this.runner.query(`ALTER TABLE ${qualified(this.live, table)} SET SCHEMA ${quoteIdent(retired)}`);
          await this.runner.query(`ALTER TABLE ${qualified(shadow, table)} SET SCHEMA ${quoteIdent(this.live)}`);
        }
        await this.runner.commitTransaction();
        return;
      } catch (err) {
        await this.rollback();
        const code = (err as { code?: string }).code;
        if (!code || !LOCK_CONFLICTS.has(code) || attempt >= SWAP_ATTEMPTS) throw err;
        this.logger.warn(`Swap attempt ${attempt} could not lock the live tables (${code}); trying again`);
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  }

  async drop(schema: string): Promise<void> {
    await this.runner.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  }

  async countRows(): Promise<Array<{ table: string; rows: number }>> {
    const out: Array<{ table: string; rows: number }> = [];
    for (const table of this.tables) {
      const [{ n }] = await this.runner.query(`SELECT count(*)::bigint AS n FROM ${qualified(this.live, table)}`);
      out.push({ table, rows: Number(n) });
    }
    return out;
  }

  private async keyConstraints(table: string): Promise<Array<{ name: string; definition: string }>> {
    return this.runner.query(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE conrelid = to_regclass($1) AND contype IN ('p', 'u', 'x') ORDER BY contype, conname`,
      [table],
    );
  }

  /** Indexes that no constraint owns, as CREATE INDEX statements on the shadow table, under the same names. */
  private async plainIndexes(table: string, shadow: string): Promise<Array<IndexDefinition & { unique: boolean }>> {
    // pg_get_indexdef qualifies the table as ` ON schema.table USING `; only that part changes.
    const rows: Array<{ name: string; ddl: string; unique: boolean; moved: boolean }> = await this.runner.query(
      `WITH defs AS (
         SELECT i.relname AS name, x.indisunique AS unique, pg_get_indexdef(x.indexrelid) AS def,
                format(' ON %I.%I USING ', $2::text, $1::text) AS live_on, format(' ON %I.%I USING ', $3::text, $1::text) AS shadow_on
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
          WHERE x.indrelid = to_regclass(format('%I.%I', $2::text, $1::text))
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid))
       SELECT name, "unique", replace(def, live_on, shadow_on) AS ddl, strpos(def, live_on) > 0 AS moved FROM defs ORDER BY name`,
      [table, this.live, shadow],
    );
    const unmoved = rows.find((r) => !r.moved);
    if (unmoved) throw new Error(`Cannot copy index ${unmoved.name} of ${table}: unexpected definition ${unmoved.ddl}`);
    return rows.map(({ name, ddl, unique }) => ({ name, ddl, unique }));
  }

  /** Table storage parameters (autovacuum settings, fillfactor), which LIKE does not copy. */
  private async copyStorageOptions(from: string, to: string): Promise<void> {
    const [{ options }] = await this.runner.query(`SELECT reloptions AS options FROM pg_class WHERE oid = to_regclass($1)`, [
      from,
    ]);
    const settings = ((options as string[] | null) ?? []).map((option) => {
      const at = option.indexOf('=');
      return `${option.slice(0, at)} = '${option.slice(at + 1).replace(/'/g, "''")}'`;
    });
    if (settings.length > 0) await this.runner.query(`ALTER TABLE ${to} SET (${settings.join(', ')})`);
  }

  /** The shadow table gets the live one's owner and the privileges granted on it to other roles. */
  private async copyOwnerAndGrants(from: string, to: string): Promise<void> {
    const [{ owner, mine }] = await this.runner.query(
      `SELECT pg_get_userbyid(relowner) AS owner, relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) AS mine
         FROM pg_class WHERE oid = to_regclass($1)`,
      [from],
    );
    if (!mine) await this.runner.query(`ALTER TABLE ${to} OWNER TO ${quoteIdent(owner)}`);
    const grants: Array<{ grantee: string | null; privilege: string; grantable: boolean }> = await this.runner.query(
      `SELECT r.rolname AS grantee, a.privilege_type AS privilege, a.is_grantable AS grantable
         FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee
        WHERE c.oid = to_regclass($1) AND a.grantee <> c.relowner`,
      [from],
    );
    for (const g of grants) {
      const grantee = g.grantee === null ? 'PUBLIC' : quoteIdent(g.grantee);
      await this.runner.query(`GRANT ${g.privilege} ON ${to} TO ${grantee}${g.grantable ? ' WITH GRANT OPTION' : ''}`);
    }
  }

  /** A migration that ran during the rebuild changed the live tables: the shadow ones would lack it. */
  private async assertSameColumns(shadow: string): Promise<void> {
    const columns = (schema: string, table: string): Promise<Array<{ c: string }>> =>
      this.runner.query(
        `SELECT attname || ' ' || format_type(atttypid, atttypmod) || CASE WHEN attnotnull THEN ' not null' ELSE '' END AS c
           FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
        [qualified(schema, table)],
      );
    for (const table of this.tables) {
      const live = (await columns(this.live, table)).map((r) => r.c).join(', ');
      const copy = (await columns(shadow, table)).map((r) => r.c).join(', ');
      if (live !== copy) {
        throw new Error(
          `${table} changed during the rebuild (a migration ran?): live (${live}) vs rebuilt (${copy}); run it again`,
        );
      }
    }
  }

  private async rollback(): Promise<void> {
    if (this.runner.isTransactionActive) await this.runner.rollbackTransaction().catch(() => undefined);
  }
}

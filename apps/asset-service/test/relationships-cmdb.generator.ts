import { DataSource } from 'typeorm';

/**
 * A generated CMDB for the impact query's tests and benchmark, written with a few INSERT … SELECT over
 * generate_series (seconds for 100,000 CIs). Per 10,000 CIs: 20 business services depend_on 200 apps
 * (software products) which run_on 1,000 servers, connected_to 48 access switches, connected_to 2 core
 * switches; 2,910 laptops connected_to access switches, each with 2 software installations installed_on it;
 * plus pseudo-random depends_on edges (service → service, app → app, server → app), loops for sure (pairs of
 * apps depending on each other, rings of three services), and 1% of the laptops disposed after their edges
 * were made. Everything is deterministic: ids are md5 of the kind and ordinal, "random" picks are hashes
 * of the ordinal.
 */
export interface GeneratedCmdb {
  cis: number;
  edges: number;
  seconds: number;
  /** Ids by kind, in ordinal order. */
  businessServices: string[];
  apps: string[];
  servers: string[];
  accessSwitches: string[];
  coreSwitches: string[];
  laptops: string[];
}

export interface CmdbEdge {
  sourceId: string;
  targetId: string;
  type: string;
}

type Kind = 'bs' | 'app' | 'srv' | 'sw' | 'core' | 'laptop' | 'inst';

/** CI counts per kind for `size` CIs (a multiple of 10,000 keeps the shape exact). */
export function cmdbShape(size: number): Record<Kind, number> {
  const s = size / 10_000;
  const shape = {
    bs: Math.round(20 * s),
    app: Math.round(200 * s),
    srv: Math.round(1000 * s),
    sw: Math.round(48 * s),
    core: Math.max(1, Math.round(2 * s)),
    laptop: Math.round(2910 * s),
    inst: 0,
  };
  shape.inst = size - Object.values(shape).reduce((a, b) => a + b, 0);
  return shape;
}

/** Generates the CMDB in one transaction; `tag` keeps the ids of two generated CMDBs in one database apart. */
export async function generateCmdb(dataSource: DataSource, size: number, tag = 'cmdb'): Promise<GeneratedCmdb> {
  const shape = cmdbShape(size);
  const started = Date.now();
  // md5 of tag:kind:ordinal, as a UUID: the edges below compute the same ids without a lookup table.
  const id = (kind: Kind, ordinal: string) => `md5('${tag}:${kind}:' || (${ordinal}))::uuid`;
  const pick = (salt: number, ordinal: string, n: number) => `(abs(hashint4((${ordinal}) * 7919 + ${salt})::bigint) % ${n})`;

  await dataSource.transaction(async (m) => {
    const cis: Array<[Kind, string, string]> = [
      ['bs', 'business_service', `'業務サービス ' || g`],
      ['app', 'software_product', `'App ' || g`],
      ['srv', 'server', `'srv-' || lpad(g::text, 5, '0')`],
      ['sw', 'network_device', `'access-switch-' || g`],
      ['core', 'network_device', `'core-switch-' || g`],
      ['laptop', 'laptop', `'laptop-' || lpad(g::text, 6, '0')`],
      ['inst', 'software_installation', `'Office 365 #' || g`],
    ];
    for (const [kind, type, name] of cis) {
      await m.query(`
        INSERT INTO asset_ci (id, number, type, name, state, attributes, created_by_id, version, created_at, updated_at)
        SELECT ${id(kind, 'g')},
               'CI-' || lpad(n::text, greatest(5, length(n::text)), '0'),
               '${type}', ${name}, 'deployed', '{}', 'generator', 1, now(), now()
        FROM (SELECT g, nextval('asset_ci_number_seq') AS n FROM generate_series(0, ${shape[kind] - 1}) AS g) AS s`);
    }
    const edge = (type: string, count: number, source: string, target: string) =>
      m.query(`
        INSERT INTO asset_relationship (id, source_id, target_id, type, created_by_id, created_at)
        SELECT gen_random_uuid(), s, t, '${type}', 'generator', now()
        FROM (SELECT ${source} AS s, ${target} AS t FROM generate_series(0, ${count - 1}) AS g) AS e
        WHERE s <> t
        ON CONFLICT DO NOTHING`);
    const appsPerService = shape.app / shape.bs;
    const serversPerApp = shape.srv / shape.app;
    // The backbone: services → apps → servers → access switches → core switches; laptops ← installations.
    await edge('depends_on', shape.app, id('bs', `g / ${appsPerService}`), id('app', 'g'));
    await edge('runs_on', shape.srv, id('app', `g / ${serversPerApp}`), id('srv', 'g'));
    // Servers are racked in order (an app's servers share a switch), one in ten with a second uplink anywhere.
    await edge('connected_to', shape.srv, id('srv', 'g'), id('sw', `g * ${shape.sw} / ${shape.srv}`));
    await edge('connected_to', Math.round(shape.srv / 10), id('srv', 'g * 10'), id('sw', pick(2, 'g', shape.sw)));
    await edge('connected_to', shape.sw, id('sw', 'g'), id('core', `g % ${shape.core}`));
    await edge('connected_to', shape.laptop, id('laptop', 'g'), id('sw', pick(3, 'g', shape.sw)));
    await edge('installed_on', shape.inst, id('inst', 'g'), id('laptop', `g % ${shape.laptop}`));
    // Shared dependencies, loops among them: the part of a real CMDB nobody drew on purpose.
    await edge('depends_on', shape.bs, id('bs', 'g'), id('app', pick(4, 'g', shape.app)));
    await edge('depends_on', shape.bs / 2, id('bs', pick(5, 'g', shape.bs)), id('bs', pick(6, 'g', shape.bs)));
    await edge('depends_on', shape.app / 4, id('app', pick(7, 'g', shape.app)), id('app', pick(8, 'g', shape.app)));
    await edge('depends_on', shape.app / 20, id('srv', pick(9, 'g', shape.srv)), id('app', pick(10, 'g', shape.app)));
    // And loops for sure: apps that depend on each other, three services in a ring.
    await edge('depends_on', shape.app / 10, id('app', 'g * 10 + 3'), id('app', 'g * 10 + 7'));
    await edge('depends_on', shape.app / 10, id('app', 'g * 10 + 7'), id('app', 'g * 10 + 3'));
    for (const [from, to] of [
      [0, 1],
      [1, 2],
      [2, 0],
    ])
      await edge('depends_on', shape.bs / 10, id('bs', `g * 10 + ${from}`), id('bs', `g * 10 + ${to}`));
    // Laptops disposed after their edges were made: the impact query walks around them.
    await m.query(`UPDATE asset_ci SET state = 'disposed' WHERE id IN (SELECT ${id('laptop', 'g * 100')}
      FROM generate_series(0, ${Math.floor((shape.laptop - 1) / 100)}) AS g)`);
  });
  // What autovacuum does after a bulk load: statistics, and the visibility map index-only scans rely on.
  await dataSource.query(`VACUUM ANALYZE asset_ci`);
  await dataSource.query(`VACUUM ANALYZE asset_relationship`);

  const ids = async (kind: Kind) =>
    (
      await dataSource.query(`SELECT ${id(kind, 'g')}::text AS id FROM generate_series(0, ${shape[kind] - 1}) AS g ORDER BY g`)
    ).map((r: { id: string }) => r.id);
  const [{ cis, edges }] = await dataSource.query(
    `SELECT (SELECT count(*) FROM asset_ci)::int AS cis, (SELECT count(*) FROM asset_relationship)::int AS edges`,
  );
  return {
    cis,
    edges,
    seconds: (Date.now() - started) / 1000,
    businessServices: await ids('bs'),
    apps: await ids('app'),
    servers: await ids('srv'),
    accessSwitches: await ids('sw'),
    coreSwitches: await ids('core'),
    laptops: await ids('laptop'),
  };
}

export interface ReachedCi {
  depth: number;
  /** CI ids from the start to this one. */
  path: string[];
}

/**
 * An independent answer to the impact query: breadth-first search in memory over every edge and CI state
 * read back from the database. Disposed CIs are neither reached nor walked through.
 */
export async function impactByBfs(
  dataSource: DataSource,
  startId: string,
  direction: 'upstream' | 'downstream',
  maxDepth: number,
  types?: string[],
): Promise<Map<string, ReachedCi>> {
  const edges: CmdbEdge[] = await dataSource.query(
    `SELECT source_id AS "sourceId", target_id AS "targetId", type FROM asset_relationship`,
  );
  const disposed = new Set<string>(
    (await dataSource.query(`SELECT id FROM asset_ci WHERE state = 'disposed'`)).map((r: { id: string }) => r.id),
  );
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (types && !types.includes(e.type)) continue;
    const [from, to] = direction === 'downstream' ? [e.sourceId, e.targetId] : [e.targetId, e.sourceId];
    if (!next.has(from)) next.set(from, []);
    next.get(from)!.push(to);
  }
  const reached = new Map<string, ReachedCi>([[startId, { depth: 0, path: [startId] }]]);
  let frontier = [startId];
  for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
    const following: string[] = [];
    for (const from of frontier) {
      for (const to of next.get(from) ?? []) {
        if (reached.has(to) || disposed.has(to)) continue;
        reached.set(to, { depth, path: [...reached.get(from)!.path, to] });
        following.push(to);
      }
    }
    frontier = following;
  }
  reached.delete(startId);
  return reached;
}

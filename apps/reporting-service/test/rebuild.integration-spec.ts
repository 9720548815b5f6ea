import { randomUUID } from 'node:crypto';
import {
  EventDefinition,
  IncidentSnapshot,
  KnowledgeArticleSnapshot,
  KnowledgeArticleViewed,
  KnowledgeDeflectionRecorded,
  KnowledgeFeedbackRecorded,
  KnowledgeHelpSessionStarted,
  Topics,
} from '@helpdesk/contracts';
import { kafkaClientConfig } from '@helpdesk/messaging';
import { testKafkaBrokers, waitFor } from '@helpdesk/testing';
import { Kafka, logLevel } from 'kafkajs';
import { REPORTING_CONSUMES } from '../src/app.module';
import { IncidentFactsProjection } from '../src/incident-facts/incident-facts.projection';
import { KnowledgeFactsProjection } from '../src/knowledge-facts/knowledge-facts.projection';
import { ReadModelProjections } from '../src/rebuild/read-model-projections';
import { ReadModelRebuild, ReadModelRebuildOptions } from '../src/rebuild/read-model-rebuild';
import { runRebuildCommand } from '../src/rebuild/rebuild-command';
import { incident, ReportingTestApp, startReportingService } from './support/reporting-test-app';

/** What this suite created; the topics also hold every other suite's events, which the rebuild replays too. */
interface OwnIds {
  incidents: string[];
  sessions: string[];
  articles: string[];
}

/** Each read-model table as rows of this suite's own keys, without the bookkeeping columns (when a row was written). */
async function snapshot(t: ReportingTestApp, ids: OwnIds): Promise<Record<string, unknown[]>> {
  const rows = (table: string, column: string, keys: string[], order: string) =>
    t.dataSource
      .query(
        `SELECT to_jsonb(r) - 'projected_at' - 'updated_at' AS row FROM ${table} r WHERE ${column} = ANY($1) ORDER BY ${order}`,
        [keys],
      )
      .then((result: Array<{ row: unknown }>) => result.map((r) => r.row));
  return {
    incident_fact: await rows('incident_fact', 'incident_id::text', ids.incidents, 'incident_id'),
    help_session_fact: await rows('help_session_fact', 'session_id', ids.sessions, 'session_id'),
    kb_view_fact: await rows('kb_view_fact', 'article_id::text', ids.articles, 'event_id'),
    kb_deflection_fact: await rows('kb_deflection_fact', 'article_id::text', ids.articles, 'deflection_id'),
    kb_feedback_fact: await rows('kb_feedback_fact', 'article_id::text', ids.articles, 'feedback_id'),
  };
}

/** How the read-model tables are defined: columns, constraints, indexes (names included), storage options, grants. */
async function definitions(t: ReportingTestApp): Promise<unknown[]> {
  return t.dataSource.query(
    `SELECT c.relname, c.reloptions, c.relacl::text[] AS acl, pg_get_userbyid(c.relowner) AS owner,
            (SELECT array_agg(attname || ' ' || format_type(atttypid, atttypmod) || ' ' || attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
                              ORDER BY attnum)
               FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
              WHERE a.attrelid = c.oid AND attnum > 0 AND NOT attisdropped) AS columns,
            (SELECT array_agg(conname || ' ' || pg_get_constraintdef(oid) ORDER BY conname) FROM pg_constraint WHERE conrelid = c.oid) AS constraints,
            (SELECT array_agg(indexdef ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public' AND tablename = c.relname) AS indexes
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname = ANY($1)
      ORDER BY c.relname`,
    [['incident_fact', 'help_session_fact', 'kb_view_fact', 'kb_deflection_fact', 'kb_feedback_fact']],
  );
}

function article(overrides: Partial<KnowledgeArticleSnapshot> = {}): KnowledgeArticleSnapshot {
  return {
    id: randomUUID(),
    number: `KB${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`,
    version: 3,
    state: 'published',
    language: 'ja',
    translationOf: null,
    title: 'VPN に接続できないとき',
    categoryId: null,
    categoryCode: 'network',
    tags: ['vpn'],
    audience: 'employees',
    relatedCiIds: [],
    incidentCategories: ['network.vpn'],
    sourceType: 'manual',
    sourceId: null,
    authorId: randomUUID(),
    viewCount: 1,
    helpfulCount: 0,
    notHelpfulCount: 0,
    deflectionCount: 0,
    publishedAt: '2026-03-01T00:00:00.000Z',
    retiredAt: null,
    updatedAt: '2026-03-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A topic's line of the printed summary: events, applied, bad, caught up. */
function topicLine(printed: string, topic: string): number[] {
  const line = printed.split('\n').find((l) => l.startsWith(`${topic} `));
  if (!line) throw new Error(`No line for ${topic} in:\n${printed}`);
  return line.trim().split(/\s+/).slice(1).map(Number);
}

const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000).toISOString();

describe('read-model rebuild from the topics (real PostgreSQL and Kafka)', () => {
  let t: ReportingTestApp;
  let kafka: Kafka;
  const ids: OwnIds = { incidents: [], sessions: [], articles: [] };

  beforeAll(async () => {
    t = await startReportingService('rebuild');
    kafka = new Kafka({
      ...kafkaClientConfig({ brokers: testKafkaBrokers(), clientId: 'rebuild-test' }),
      logLevel: logLevel.NOTHING,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const rebuild = (options: Partial<ReadModelRebuildOptions> = {}) =>
    new ReadModelRebuild({
      dataSource: t.dataSource,
      kafka,
      projections: new ReadModelProjections(t.app.get(IncidentFactsProjection), t.app.get(KnowledgeFactsProjection)),
      topics: REPORTING_CONSUMES,
      groupPrefix: `${t.env.KAFKA_CONSUMER_GROUP}-rebuild`,
      ...options,
    });
  const publish = <T>(event: EventDefinition<string, T>, aggregateId: string, payload: T) =>
    t.publisher.publish(event, aggregateId, payload);
  /** Each partition's next offset now, on the topics the service consumes. */
  async function endOffsets(): Promise<Array<{ topic: string; partition: number; offset: string }>> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const ends = await Promise.all(
        REPORTING_CONSUMES.map(async (topic) =>
          (await admin.fetchTopicOffsets(topic)).map((p) => ({ topic, partition: p.partition, offset: p.high })),
        ),
      );
      return ends.flat();
    } finally {
      await admin.disconnect();
    }
  }

  /** Waits until the app's consumer group has committed (handled or dead-lettered) everything before `ends`. */
  async function liveConsumerPast(ends: Array<{ topic: string; partition: number; offset: string }>): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor(
        async () => {
          const committed = await admin.fetchOffsets({ groupId: t.env.KAFKA_CONSUMER_GROUP!, topics: REPORTING_CONSUMES });
          const at = new Map(committed.flatMap((c) => c.partitions.map((p) => [`${c.topic}:${p.partition}`, BigInt(p.offset)])));
          return ends.every((e) => e.offset === '0' || (at.get(`${e.topic}:${e.partition}`) ?? -1n) >= BigInt(e.offset));
        },
        { timeoutMs: 60_000, intervalMs: 250, description: 'the live consumer to take in every event published' },
      );
    } finally {
      await admin.disconnect();
    }
  }

  const factRow = async (id: string) =>
    (await t.dataSource.query(`SELECT state, incident_version FROM incident_fact WHERE incident_id = $1`, [id]))[0] as
      { state: string; incident_version: number } | undefined;
  const newIncident = (overrides: Partial<IncidentSnapshot> = {}) => {
    const snapshot = incident(overrides);
    ids.incidents.push(snapshot.id);
    return snapshot;
  };

  /** Several incidents with their events out of order, a redelivery, a hold, CSAT, and a help session with views, a deflection and changed feedback. */
  async function publishHistory(): Promise<void> {
    const openedAt = new Date('2026-03-02T01:00:00Z');
    const agentId = randomUUID();
    const group = { assignmentGroupId: randomUUID(), assignmentGroupName: 'サービスデスク', assignmentGroupTier: 1 };

    // A: held, resumed, resolved, then rated; the resolution arrives first and one event twice.
    const a = newIncident({ openedAt: openedAt.toISOString(), openedById: agentId, channel: 'phone' });
    const aAssigned = {
      ...a,
      ...group,
      version: 2,
      state: 'in_progress',
      assigneeId: agentId,
      firstResponseAt: minutes(openedAt, 2),
    };
    const aHeld = { ...aAssigned, version: 3, state: 'on_hold', holdReason: 'awaiting_user' };
    const aResumed = { ...aHeld, version: 4, state: 'in_progress', holdReason: null };
    const aResolved = { ...aResumed, version: 5, state: 'resolved', resolvedById: agentId, resolvedAt: minutes(openedAt, 90) };
    const aRated = { ...aResolved, version: 6 };
    await t.incidentEvent('resolved', aResolved, { firstContact: false });
    await t.incidentEvent('created', a);
    const held = await t.incidentEvent('state-changed', aHeld, { from: 'in_progress', to: 'on_hold', action: 'hold' });
    await t.incidentEvent('assigned', aAssigned, { fromGroupId: null, fromAssigneeId: null });
    await t.incidentEvent('state-changed', aHeld, {}, { id: held.id });
    await t.incidentEvent('state-changed', aResumed, { from: 'on_hold', to: 'in_progress', action: 'resume' });
    await t.incidentEvent('satisfaction-recorded', aRated, { rating: 4, comment: '早い対応でした' });

    // B: resolved at first contact by the service desk, then closed.
    const b = newIncident({ ...group, openedAt: openedAt.toISOString(), openedById: agentId, firstContactClaimed: true });
    const bResolved = { ...b, version: 2, state: 'resolved', resolvedById: agentId, resolvedAt: minutes(openedAt, 5) };
    await t.incidentEvent('created', b);
    await t.incidentEvent('resolved', bResolved, { firstContact: true });
    await t.incidentEvent(
      'closed',
      { ...bResolved, version: 3, state: 'closed', closedAt: minutes(openedAt, 60) },
      { automatic: true },
    );

    // C: still open in a specialist group. D: resolved, reopened, resolved again (the events in reverse).
    const c = newIncident({ assignmentGroupId: randomUUID(), assignmentGroupName: 'ネットワーク', assignmentGroupTier: 2 });
    await t.incidentEvent('created', c);
    const d = newIncident({ openedAt: openedAt.toISOString() });
    const dResolved = { ...d, version: 2, state: 'resolved', resolvedById: agentId, resolvedAt: minutes(openedAt, 30) };
    const dReopened = { ...dResolved, version: 3, state: 'in_progress', resolvedAt: null, reopenCount: 1 };
    const dResolvedAgain = { ...dReopened, version: 4, state: 'resolved', resolvedAt: minutes(openedAt, 300) };
    await t.incidentEvent('resolved', dResolvedAgain, { firstContact: false });
    await t.incidentEvent('reopened', dReopened, { reason: '再発' });
    await t.incidentEvent('resolved', dResolved, { firstContact: false });
    await t.incidentEvent('created', d);

    // E: a rating the table refuses (CHECK 1–5): the consumer dead-letters it, the rebuild skips it alike.
    const e = newIncident();
    await t.incidentEvent('created', e);
    await t.incidentEvent('satisfaction-recorded', { ...e, version: 2 }, { rating: 7, comment: null });

    // Knowledge: a portal help session, a suggested article viewed, "this solved it", feedback changed once.
    const kb = article();
    ids.articles.push(kb.id);
    const sessionId = randomUUID();
    ids.sessions.push(sessionId);
    const employeeId = randomUUID();
    const at = new Date('2026-03-02T02:00:00Z');
    const viewed = { viewerId: employeeId, viewerIsStaff: false, sessionId };
    await publish(KnowledgeArticleViewed, kb.id, { article: kb, detail: { ...viewed, source: 'suggestion' } });
    await publish(KnowledgeHelpSessionStarted, sessionId, {
      sessionId,
      userId: employeeId,
      userIsStaff: false,
      channel: 'portal',
      query: 'VPN 繋がらない',
      startedAt: at.toISOString(),
    });
    await publish(KnowledgeArticleViewed, kb.id, { article: kb, detail: { ...viewed, source: 'search' } });
    const feedback = { feedbackId: randomUUID(), userId: employeeId, comment: null };
    await publish(KnowledgeFeedbackRecorded, kb.id, {
      article: kb,
      detail: { ...feedback, helpful: true, previousHelpful: null },
    });
    await publish(KnowledgeDeflectionRecorded, kb.id, {
      article: kb,
      detail: {
        deflectionId: randomUUID(),
        userId: employeeId,
        userIsStaff: false,
        sessionId,
        query: 'VPN 繋がらない',
        source: 'suggestion',
        deflectedAt: minutes(at, 3),
      },
    });
    await publish(KnowledgeFeedbackRecorded, kb.id, {
      article: kb,
      detail: { ...feedback, helpful: false, previousHelpful: true },
    });

    // Not an envelope at all: dead-lettered by the consumer, counted and skipped by the rebuild.
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: Topics.incident, messages: [{ key: randomUUID(), value: '{"not": "an envelope"' }] });
    await producer.disconnect();
  }

  it('replaces lost and corrupted rows with exactly what the live consumer had built, and loses no event published meanwhile', async () => {
    await publishHistory();
    // Some events change nothing a wait could see (D's older ones arriving after its newest): wait for the
    // live consumer to have taken in everything published so far, then for the rows.
    await liveConsumerPast(await endOffsets());
    const [a, b, c, d, e] = ids.incidents;
    await waitFor(
      async () => {
        const s = await snapshot(t, ids);
        const versions = Object.fromEntries(
          (s.incident_fact as Array<{ incident_id: string; incident_version: number }>).map((r) => [
            r.incident_id,
            r.incident_version,
          ]),
        );
        const session = s.help_session_fact[0] as
          { deflected_at?: string; last_suggestion_view_at?: string; started_at?: string } | undefined;
        const feedback = s.kb_feedback_fact[0] as { helpful?: boolean } | undefined;
        return (
          versions[a] === 6 &&
          versions[b] === 3 &&
          versions[c] === 1 &&
          versions[d] === 4 &&
          versions[e] === 1 &&
          !!session?.deflected_at &&
          !!session.last_suggestion_view_at &&
          !!session.started_at &&
          s.kb_view_fact.length === 2 &&
          s.kb_deflection_fact.length === 1 &&
          feedback?.helpful === false
        );
      },
      { timeoutMs: 60_000, description: 'the live consumer to apply the history' },
    );
    const before = await snapshot(t, ids);
    expect(before.incident_fact).toContainEqual(expect.objectContaining({ incident_id: a, ever_held: true, csat_rating: 4 }));
    expect(before.incident_fact).toContainEqual(expect.objectContaining({ incident_id: e, csat_rating: null }));

    // Lose and corrupt some of it.
    await t.dataSource.query(`DELETE FROM incident_fact WHERE incident_id = $1`, [a]);
    await t.dataSource.query(
      `UPDATE incident_fact SET state = 'new', csat_rating = 1, reopen_count = 9 WHERE incident_id = ANY($1)`,
      [[b, d]],
    );
    await t.dataSource.query(`DELETE FROM help_session_fact WHERE session_id = $1`, [ids.sessions[0]]);
    await t.dataSource.query(`DELETE FROM kb_view_fact WHERE article_id = $1`, [ids.articles[0]]);
    await t.dataSource.query(`UPDATE kb_feedback_fact SET helpful = true WHERE article_id = $1`, [ids.articles[0]]);
    expect(await snapshot(t, ids)).not.toEqual(before);
    // A privilege granted by hand (a reporting tool's role) must survive the swap too.
    await t.dataSource.query(`GRANT SELECT ON kb_view_fact, incident_fact TO PUBLIC`);
    const definitionsBefore = await definitions(t);

    // Published during the rebuild: not part of the snapshot, each checked on its own.
    const duringReplay = incident();
    const beforeSwap = incident();
    let concurrentRun: Promise<unknown> | undefined;
    const out: string[] = [];
    const err: string[] = [];
    const started = Date.now();
    // The command as `npm run reporting:rebuild` runs it, with the service's environment.
    const code = await runRebuildCommand(
      [],
      t.env,
      { out: (text) => out.push(text), err: (text) => err.push(text) },
      async (phase) => {
        if (phase === 'replaying') {
          // Published after the ends were captured: only the catch-up (or the live consumer) can bring it in.
          await t.incidentEvent('created', duringReplay);
          concurrentRun = rebuild()
            .run()
            .catch((e: Error) => e);
        }
        if (phase === 'swapping') {
          // Applied by the live consumer to the tables about to be swapped out: the catch-up must re-apply it.
          await t.incidentEvent('created', beforeSwap);
          await waitFor(() => factRow(beforeSwap.id), { timeoutMs: 30_000, description: 'the live consumer to apply it' });
        }
      },
    );
    const seconds = (Date.now() - started) / 1000;
    expect(code).toBe(0);
    // stderr: progress, then the skipped events (our two at least); stdout: the summary alone.
    expect(err.join('')).toMatch(/ info Phase: replaying\n[\s\S]* info Phase: swapping\n[\s\S]* info Phase: catching-up\n/);
    expect(err.join('')).toContain('violates check constraint "incident_fact_csat_rating_check"');
    const printed = out.join('');
    expect(printed).toMatch(/^Read models rebuilt in \d+\.\d s \(replay \d+\.\d s, swap \d+\.\d s, catch-up \d+\.\d s\)/);
    const [events, applied, bad, caughtUp] = topicLine(printed, Topics.incident);
    process.stdout.write(
      `Rebuild of ${events} incident events took ${seconds.toFixed(1)} s (${Math.round(events / seconds)} events/s)\n`,
    );

    expect(await concurrentRun).toEqual(
      expect.objectContaining({ message: 'Another read-model rebuild is running on this database' }),
    );
    expect(await factRow(beforeSwap.id)).toEqual({ state: 'new', incident_version: 1 });
    expect(await factRow(duringReplay.id)).toEqual({ state: 'new', incident_version: 1 });
    expect(await snapshot(t, ids)).toEqual(before);

    // Our own unparseable message and E's refused rating at least (other suites may have left more).
    expect(bad).toBeGreaterThanOrEqual(2);
    expect(applied).toBe(events - bad);
    expect(events).toBeGreaterThanOrEqual(20);
    expect(caughtUp).toBeGreaterThanOrEqual(2);
    for (const table of ['kb_view_fact', 'kb_deflection_fact', 'kb_feedback_fact', 'help_session_fact', 'incident_fact']) {
      expect(printed).toMatch(new RegExp(`\\n${table}\\s+\\d+\\n`));
    }
    // Nothing of the run is left behind, and the tables are defined as the migrations made them (index names, storage options).
    const schemas = await t.dataSource.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'reporting\\_%'`);
    expect(schemas).toEqual([]);
    expect(await definitions(t)).toEqual(definitionsBefore);

    // The live consumer writes into the new tables.
    const after = incident();
    await t.incidentEvent('created', after);
    await waitFor(() => factRow(after.id), { timeoutMs: 30_000, description: 'an event published after the rebuild' });
  }, 300_000);

  it('refuses unknown arguments, explains itself, and fails with a message when it cannot reach the database', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
    expect(await runRebuildCommand(['--everything'], t.env, io)).toBe(2);
    expect(err.join('')).toContain('Unknown argument(s): --everything');
    expect(await runRebuildCommand(['--help'], t.env, io)).toBe(0);
    expect(out.join('')).toContain('Usage: rebuild.cli.ts [--allow-truncated-topics]');

    expect(await runRebuildCommand([], { ...t.env, DATABASE_NAME: 'no_such_reporting_db' }, io)).toBe(1);
    expect(err.join('')).toMatch(/Rebuild failed: .*no_such_reporting_db/);
  });
});

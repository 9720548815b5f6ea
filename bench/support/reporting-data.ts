/**
 * Generated history for the reporting benchmark, written straight into the reporting service's read model
 * (incident_fact, help_session_fact) with set-based SQL: a million incidents through the gateway and Kafka
 * would take hours on two cores, and the read model is what the reports query. Every value comes from a
 * hash of the row number (hashint8extended), so the same rows come out on every run.
 *
 * The shape: two years of openings with weekday and office-hour peaks (Asia/Tokyo), 20 groups (tier 1 and
 * 2, Japanese and English names), 200 agents, 30 categories, priorities mostly P3/P4, six channels, 5,000
 * CIs with a few busy ones, log-normal response and resolution times by priority, escalations, holds,
 * reopens, cancellations, first-contact resolutions on live channels, SLA verdicts, CSAT on ~30 % of the
 * resolved, and whatever is not resolved by now open (the backlog). The verdict columns follow
 * apps/reporting-service/src/incident-facts/domain/incident-classification.ts.
 */
import { Client } from 'pg';

export interface ReportingDataOptions {
  incidents: number;
  helpSessions: number;
  /** The generated history ends here (openings up to a minute before). */
  now: Date;
}

export interface ReportingDataLoad {
  seconds: { incidents: number; helpSessions: number; vacuumAnalyze: number };
  tableSizes: Record<string, string>;
  /** Counts by state and a few shares, to see that the data looks like a help desk. */
  profile: Record<string, number | string>;
}

const TIME_ZONE = 'Asia/Tokyo';
const DAYS = 730;
const EMPLOYEES = 20_000;
const CIS = 5_000;
const AGENTS_PER_GROUP = 10;
const CONTACT_WINDOW_MS = 30 * 60_000;

/** [name, tier]; the first six are the service desk's (tier 1) queues. */
const GROUPS: ReadonlyArray<readonly [string, 1 | 2]> = [
  ['Service Desk', 1],
  ['サービスデスク（大阪）', 1],
  ['サービスデスク（名古屋）', 1],
  ['Service Desk Fukuoka', 1],
  ['夜間ヘルプデスク', 1],
  ['VIP Support', 1],
  ['Desktop Support', 2],
  ['Network', 2],
  ['Identity & Access', 2],
  ['Applications', 2],
  ['サーバー基盤', 2],
  ['Database', 2],
  ['SAP Basis', 2],
  ['情報セキュリティ', 2],
  ['Collaboration (Microsoft 365)', 2],
  ['基幹システム', 2],
  ['Printing & Facilities', 2],
  ['モバイル端末管理', 2],
  ['Cloud Platform', 2],
  ['会計システム', 2],
];

/** [code, resolvable at first level, home group (1-based index into GROUPS), subcategories]. Most frequent first. */
const CATEGORIES: ReadonlyArray<readonly [string, boolean, number, number]> = [
  ['account', true, 9, 4],
  ['software', true, 10, 4],
  ['network', true, 8, 4],
  ['email', true, 15, 0],
  ['hardware', false, 7, 5],
  ['printing', false, 17, 3],
  ['m365', true, 15, 4],
  ['vpn', true, 8, 2],
  ['mobile', true, 18, 3],
  ['sap', true, 13, 4],
  ['accounting', true, 20, 3],
  ['hr-system', true, 16, 3],
  ['crm', true, 10, 2],
  ['intranet', true, 10, 2],
  ['file-share', true, 11, 2],
  ['security', false, 14, 3],
  ['phone', true, 17, 0],
  ['database', false, 12, 2],
  ['server', false, 11, 3],
  ['cloud', false, 19, 3],
  ['meeting-room', false, 17, 2],
  ['web-conference', true, 15, 2],
  ['licence', true, 10, 0],
  ['backup', false, 11, 2],
  ['erp-batch', false, 16, 2],
  ['wifi', true, 8, 0],
  ['onboarding', true, 9, 2],
  ['offboarding', true, 9, 0],
  ['procurement', true, 10, 0],
  ['other', true, 10, 0],
];

const FAMILY_NAMES = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  'Smith',
  'Brown',
  'Wilson',
  'Taylor',
  'Clark',
];
const GIVEN_NAMES = [
  '健',
  '陽子',
  '大輔',
  '美咲',
  '翔太',
  '由美',
  'Emily',
  'James',
  'Olivia',
  'Daniel',
  '直樹',
  '彩',
  '拓也',
  'Sophie',
];

const HELP_QUERIES = [
  'VPN に繋がらない',
  'パスワードを忘れた',
  'プリンターで印刷できない',
  'Outlook が起動しない',
  'Teams の音声が聞こえない',
  'Wi-Fi が遅い',
  'cannot sign in',
  'password reset',
  'Excel crashes on save',
  'printer offline',
  'MFA 再登録',
  '共有フォルダにアクセスできない',
];

/** A uniform number in [0, 1) from the row number and a stream number: stable and independent per stream. */
const u = (stream: number, row = 'g.i') =>
  `(((hashint8extended(${row}, ${stream}) >> 11) & 9007199254740991)::float8 / 9007199254740992.0)`;
/** A standard normal deviate (Box–Muller) from two streams. */
const normal = (stream: number, row = 'g.i') => `(sqrt(-2 * ln(1 - ${u(stream, row)})) * cos(2 * pi() * ${u(stream + 1, row)}))`;
const uuid = (kind: string, n: string) => `md5('${kind}-' || ${n})::uuid`;
/** Per priority (1–5), a CASE giving one of five values. */
const byPriority = (column: string, values: readonly number[]) =>
  `(CASE ${column} ${values.map((v, i) => `WHEN ${i + 1} THEN ${v}`).join(' ')} END)`;

const H = 3_600_000;
const M = 60_000;
/**
 * Business time of an elapsed calendar time: P1 and P2 run on 24×7, the rest on office hours, where a short
 * span is mostly inside them and a long one is about 45 of 168 hours a week.
 */
const businessMs = (calendarMs: string, priority: string) =>
  `(CASE WHEN ${priority} <= 2 THEN ${calendarMs} ELSE ${calendarMs} * (0.27 + 0.73 * exp(-least(${calendarMs} / ${8 * H}.0, 50))) END)`;

/**
 * The days of the last two years, each with its share of the openings: weekends and holiday weeks (New Year,
 * Golden Week, Obon) quiet, and 30 % growth over the two years. Row i of n opens on the day whose cumulative share covers
 * (i − ½)/n, so rows come out in order of day, as the projection appends them.
 */
async function createDays(client: Client, now: Date): Promise<void> {
  await client.query(`CREATE TEMP TABLE bench_day (lo float8 PRIMARY KEY, day date)`);
  await client.query(
    `INSERT INTO bench_day
     SELECT coalesce(sum(w) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(w) OVER (), day
       FROM (SELECT day, (1 + 0.3 * n / ${DAYS}.0)
                    * (CASE extract(isodow FROM day) WHEN 6 THEN 0.12 WHEN 7 THEN 0.08 ELSE 1 END)
                    * (CASE WHEN to_char(day, 'MM-DD') BETWEEN '12-29' AND '12-31' OR to_char(day, 'MM-DD') BETWEEN '01-01' AND '01-03'
                              OR to_char(day, 'MM-DD') BETWEEN '05-03' AND '05-05' OR to_char(day, 'MM-DD') BETWEEN '08-13' AND '08-15'
                            THEN 0.15 ELSE 1 END)
                    * (CASE WHEN n = ${DAYS - 1} THEN $2::float8 ELSE 1 END) AS w
               FROM generate_series(0, ${DAYS - 1}) AS g(n),
                    LATERAL (SELECT ($1::timestamptz AT TIME ZONE '${TIME_ZONE}')::date - ${DAYS - 1} + n AS day) d) x`,
    [now.toISOString(), dayShareElapsed(now)],
  );
}

/** The share of a day's openings (openedAtSql's profile) that falls before `now`'s time of day in Asia/Tokyo. */
function dayShareElapsed(now: Date): number {
  const [h, m] = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(now)
    .split(':')
    .map(Number);
  const x = h + m / 60;
  const [a, c, b] = [8.5, 13.25, 18];
  const triangular =
    x <= a ? 0 : x >= b ? 1 : x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));
  return 0.2 * (x / 24) + 0.8 * triangular;
}

/** The day of row `row` of `count` (createDays), for a LATERAL join. */
const dayOfRowSql = (row: string, count: string) =>
  `(SELECT day FROM bench_day WHERE lo <= (${row} - 0.5) / ${count}::float8 ORDER BY lo DESC LIMIT 1)`;

/** A time on `day` ($1 is now), office hours busiest; one of today's still to come is put before now instead. */
function openedAtSql(day: string, row: string, hourStreams: [number, number, number]): string {
  const [shape, hourA, hourB] = hourStreams;
  const hours = `(CASE WHEN ${u(shape, row)} < 0.8 THEN 8.5 + 9.5 * (${u(hourA, row)} + ${u(hourB, row)}) / 2 ELSE 24 * ${u(hourA, row)} END)`;
  const midnight = `(${day}::timestamp AT TIME ZONE '${TIME_ZONE}')`;
  const at = `(${midnight} + make_interval(secs => ${hours} * 3600))`;
  const latest = `($1::timestamptz - interval '1 minute')`;
  return `(CASE WHEN ${at} > ${latest} THEN ${midnight} + ${u(hourB, row)} * (${latest} - ${midnight}) ELSE ${at} END)`;
}

async function createDimensions(client: Client): Promise<void> {
  await client.query(`CREATE TEMP TABLE bench_group (gi int PRIMARY KEY, id text, name text, tier smallint)`);
  await client.query(
    `INSERT INTO bench_group SELECT n, ${uuid('group', 'n')}::text, name, tier
       FROM unnest($1::text[], $2::smallint[]) WITH ORDINALITY AS x(name, tier, n)`,
    [GROUPS.map((g) => g[0]), GROUPS.map((g) => g[1])],
  );
  await client.query(`CREATE TEMP TABLE bench_agent (ai int PRIMARY KEY, id text, name text)`);
  await client.query(
    `INSERT INTO bench_agent SELECT n, ${uuid('agent', 'n')}::text,
            ($1::text[])[1 + n % array_length($1::text[], 1)] || ' ' || ($2::text[])[1 + (n / 3) % array_length($2::text[], 1)]
       FROM generate_series(1, ${GROUPS.length * AGENTS_PER_GROUP}) n`,
    [FAMILY_NAMES, GIVEN_NAMES],
  );
  await client.query(
    `CREATE TEMP TABLE bench_category (ci int PRIMARY KEY, code text, flr boolean, home_gi int, subcategories int)`,
  );
  await client.query(
    `INSERT INTO bench_category SELECT n, code, flr, home, subs
       FROM unnest($1::text[], $2::boolean[], $3::int[], $4::int[]) WITH ORDINALITY AS x(code, flr, home, subs, n)`,
    [CATEGORIES.map((c) => c[0]), CATEGORIES.map((c) => c[1]), CATEGORIES.map((c) => c[2]), CATEGORIES.map((c) => c[3])],
  );
}

/**
 * Draws, then the routing and the times, then states and verdicts: each level reads the one below. Each level is
 * an optimisation fence (OFFSET 0): flattened, every level's expressions would be copied into the next and the
 * plan would grow exponentially.
 */
function incidentsSql(): string {
  const tier1Groups = GROUPS.filter((g) => g[1] === 1).length;
  const draws = `
    SELECT g.i,
      ${openedAtSql('dd.day', 'g.i', [1, 2, 3])} AS opened_at,
      (CASE WHEN ${u(6)} < 0.02 THEN 1 WHEN ${u(6)} < 0.10 THEN 2 WHEN ${u(6)} < 0.45 THEN 3 WHEN ${u(6)} < 0.90 THEN 4 ELSE 5 END) AS priority,
      (CASE WHEN ${u(7)} < 0.40 THEN 'portal' WHEN ${u(7)} < 0.58 THEN 'email' WHEN ${u(7)} < 0.83 THEN 'phone'
            WHEN ${u(7)} < 0.93 THEN 'chat' WHEN ${u(7)} < 0.98 THEN 'walk_in' ELSE 'api' END) AS channel,
      1 + floor(${CATEGORIES.length} * power(${u(8)}, 1.6))::int AS category_n,
      1 + floor(${tier1Groups} * power(${u(9)}, 2.2))::int AS tier1_gi,
      ${u(10)} < 0.2 AS routed_to_specialists,
      1 + floor(${EMPLOYEES} * ${u(11)})::int AS caller_n,
      (CASE WHEN ${u(12)} < 0.6 THEN 1 + floor(${CIS} * power(${u(13)}, 2))::int END) AS ci_n,
      floor(${AGENTS_PER_GROUP} * ${u(14)})::int AS agent_k,
      floor(${AGENTS_PER_GROUP} * ${u(15)})::int AS opener_k,
      ${u(16)} AS u_fcr, ${u(17)} AS u_hold, ${u(18)} AS u_reopen, ${u(19)} AS u_cancel, ${u(20)} AS u_csat,
      ${u(21)} AS u_rating, ${u(22)} AS u_csat_delay, ${u(23)} AS u_close, ${u(24)} AS u_close_delay,
      ${normal(25)} AS z_resolution, ${normal(27)} AS z_response, ${u(29)} AS u_second_reassignment,
      ${u(30)} AS u_state, ${u(31)} AS u_fcr_minutes, ${u(32)} AS u_claim, ${u(33)} AS u_subcategory,
      ${normal(34)} AS z_cancel, ${u(36)} AS u_bounce, ${u(37)} AS u_escalate, ${u(38)} AS u_quick_response
    FROM generate_series($3::int, $2::int, $4::int) AS g(i), LATERAL ${dayOfRowSql('g.i', '$2')} AS dd(day)`;

  const routed = `
    SELECT d.*, c.code AS category, c.flr, c.subcategories, c.home_gi, d.channel IN ('phone', 'walk_in') AS opened_by_agent,
      (CASE WHEN d.channel IN ('phone', 'walk_in', 'chat') OR NOT d.routed_to_specialists THEN d.tier1_gi ELSE c.home_gi END) AS initial_gi
    FROM (${draws} OFFSET 0) d JOIN bench_category c ON c.ci = d.category_n`;

  const escalated = `
    SELECT r.*, r.initial_gi <= ${tier1Groups} AND r.u_escalate < (CASE WHEN r.flr THEN 0.18 ELSE 0.65 END) AS escalated
    FROM (${routed} OFFSET 0) r`;

  const timed = `
    SELECT e.*,
      (CASE WHEN e.escalated THEN e.home_gi ELSE e.initial_gi END) AS final_gi,
      (CASE WHEN e.escalated THEN 1 + (e.u_second_reassignment < 0.15)::int WHEN e.initial_gi > ${tier1Groups} AND e.u_bounce < 0.04 THEN 2 ELSE 0 END) AS reassignments,
      fcr AS fcr_path,
      NOT fcr AND e.u_hold < 0.12 AS held,
      (CASE WHEN NOT fcr AND e.u_reopen < 0.04 THEN 1 + (e.u_reopen < 0.006)::int ELSE 0 END) AS reopens,
      NOT fcr AND e.u_cancel < 0.03 AS cancel_wanted,
      greatest(${M}, least(400 * 24 * ${H}::float8, CASE WHEN fcr THEN (3 + 40 * power(e.u_fcr_minutes, 2)) * ${M}
        ELSE exp(ln(${byPriority('e.priority', [3, 8, 20, 40, 90])} * ${H}.0) + 1.1 * e.z_resolution)
             * (CASE WHEN e.escalated THEN 1.8 ELSE 1 END) * (CASE WHEN e.u_hold < 0.12 THEN 2 ELSE 1 END)
             * (CASE WHEN e.u_reopen < 0.04 THEN 1.5 ELSE 1 END) END))::bigint AS resolution_ms,
      (CASE WHEN e.opened_by_agent OR fcr THEN 20000 + 100000 * e.u_quick_response
        ELSE greatest(30000, exp(ln(${byPriority('e.priority', [5, 12, 45, 90, 180])} * ${M}.0) + e.z_response)) END)::bigint AS response_ms_raw,
      greatest(${M}, exp(ln(${2 * H}.0) + 1.2 * e.z_cancel))::bigint AS cancel_ms
    FROM (${escalated} OFFSET 0) e,
      LATERAL (SELECT e.channel IN ('phone', 'walk_in', 'chat') AND NOT e.escalated
                      AND e.u_fcr < (CASE WHEN e.channel = 'chat' THEN 0.5 ELSE 0.62 END)) AS f(fcr)`;

  const stated = `
    SELECT t.*, least(t.response_ms_raw, t.resolution_ms) AS response_ms,
      t.cancel_wanted AND t.opened_at + t.cancel_ms * interval '1 millisecond' <= $1::timestamptz AS cancelled,
      NOT (t.cancel_wanted AND t.opened_at + t.cancel_ms * interval '1 millisecond' <= $1::timestamptz)
        AND t.opened_at + t.resolution_ms * interval '1 millisecond' <= $1::timestamptz AS resolved,
      (CASE WHEN t.u_close < 0.45 THEN t.u_close_delay * 3 * 24 * ${H} ELSE 3 * 24 * ${H} END)::bigint AS close_ms
    FROM (${timed} OFFSET 0) t`;

  const timesOf = `
    SELECT s.*,
      s.opened_at + s.resolution_ms * interval '1 millisecond' AS resolved_time,
      s.opened_at + s.response_ms * interval '1 millisecond' AS responded_time,
      s.opened_at + s.cancel_ms * interval '1 millisecond' AS cancelled_time
    FROM (${stated} OFFSET 0) s`;

  const facts = `
    SELECT x.*,
      (CASE WHEN x.cancelled THEN (CASE WHEN x.response_ms < x.cancel_ms THEN x.responded_time END)
            WHEN x.responded_time <= $1::timestamptz THEN x.responded_time END) AS first_response_at,
      (CASE WHEN x.resolved AND x.resolved_time + x.close_ms * interval '1 millisecond' <= $1::timestamptz
            THEN x.resolved_time + x.close_ms * interval '1 millisecond' END) AS closed_at,
      (CASE WHEN x.resolved AND x.u_csat < 0.3 AND x.resolved_time + x.u_csat_delay * interval '2 days' <= $1::timestamptz
            THEN x.resolved_time + x.u_csat_delay * interval '2 days' END) AS csat_at
    FROM (${timesOf} OFFSET 0) x`;

  // Not yet taken (state new) or cancelled before it: still in the group routing chose, nobody assigned.
  const placed = `
    SELECT f.*,
      f.first_response_at IS NULL AND NOT f.resolved AS unattended,
      (CASE WHEN f.cancelled THEN 'cancelled' WHEN f.resolved THEN (CASE WHEN f.closed_at IS NULL THEN 'resolved' ELSE 'closed' END)
            WHEN f.first_response_at IS NULL THEN 'new' WHEN f.held AND f.u_state < 0.6 THEN 'on_hold'
            WHEN f.u_state < 0.75 THEN 'in_progress' ELSE 'assigned' END) AS state
    FROM (${facts} OFFSET 0) f`;

  const assigned = `
    SELECT p.*,
      (CASE WHEN p.unattended THEN p.initial_gi ELSE p.final_gi END) AS gi,
      (CASE WHEN p.unattended THEN 0 ELSE p.reassignments END) AS reassignment_count,
      (CASE WHEN p.resolved THEN p.reopens ELSE 0 END) AS reopen_count,
      (CASE WHEN p.unattended THEN NULL ELSE p.final_gi + ${GROUPS.length} * p.agent_k END) AS assignee_ai,
      (CASE WHEN NOT p.opened_by_agent THEN NULL WHEN p.escalated THEN p.initial_gi + ${GROUPS.length} * p.opener_k
            ELSE p.final_gi + ${GROUPS.length} * p.agent_k END) AS opener_ai,
      (CASE WHEN p.cancelled THEN p.cancelled_time - p.opened_at WHEN p.resolved THEN p.resolved_time - p.opened_at
            ELSE $1::timestamptz - p.opened_at END) AS elapsed,
      (CASE WHEN p.first_response_at IS NOT NULL THEN p.first_response_at - p.opened_at
            WHEN p.cancelled THEN p.cancelled_time - p.opened_at ELSE $1::timestamptz - p.opened_at END) AS waited
    FROM (${placed} OFFSET 0) p`;

  const verdicts = `
    SELECT a.*, grp.id AS group_id, grp.name AS group_name, grp.tier AS group_tier, ag.id AS assignee_id, ag.name AS assignee_name,
      ${uuid('employee', 'a.caller_n')}::text AS caller_id,
      coalesce(op.id, ${uuid('employee', 'a.caller_n')}::text) AS opened_by_id,
      ${businessMs('(extract(epoch FROM a.waited)::float8 * 1000)', 'a.priority')} > ${byPriority('a.priority', [15 * M, 30 * M, 2 * H, 4 * H, 8 * H])} AS response_breached,
      (${businessMs('(extract(epoch FROM a.elapsed)::float8 * 1000)', 'a.priority')} * (CASE WHEN a.held THEN 0.75 ELSE 1 END))::bigint AS resolution_business,
      ${byPriority('a.priority', [4 * H, 8 * H, 24 * H, 40 * H, 80 * H])} AS resolution_target
    FROM (${assigned} OFFSET 0) a
      JOIN bench_group grp ON grp.gi = a.gi
      LEFT JOIN bench_agent ag ON ag.ai = a.assignee_ai
      LEFT JOIN bench_agent op ON op.ai = a.opener_ai`;

  const rows = `
    SELECT v.*, (CASE WHEN v.resolved THEN v.assignee_id END) AS resolved_by_id,
      (CASE WHEN v.resolved THEN v.resolved_time END) AS resolved_at,
      greatest(v.opened_at, v.first_response_at, (CASE WHEN v.resolved THEN v.resolved_time END), v.closed_at,
               (CASE WHEN v.cancelled THEN v.cancelled_time END), v.csat_at) AS last_event_at
    FROM (${verdicts} OFFSET 0) v`;

  return `
    INSERT INTO incident_fact (
      incident_id, number, incident_version, source, state, channel, category, subcategory, first_level_resolvable,
      priority, ci_id, group_id, group_name, group_tier, assignee_id, assignee_name, caller_id, opened_by_id, resolved_by_id,
      opened_at, first_response_at, resolved_at, closed_at, cancelled_at, reassignment_count, reopen_count, ever_held,
      first_contact_claimed, csat_rating, csat_at, first_contact_resolved, first_level_resolved, reopened,
      resolution_calendar_ms, resolution_business_ms, response_ms, response_sla_met, resolution_sla_met, verdict_inputs,
      last_event_at, projected_at)
    SELECT ${uuid('incident', 'r.i')},
      'INC' || lpad(r.i::text, 7, '0'),
      1 + (r.first_response_at IS NOT NULL)::int * 2 + r.reassignment_count + r.held::int * 2 + r.reopen_count * 2
        + r.resolved::int + (r.closed_at IS NOT NULL)::int + r.cancelled::int + (r.csat_at IS NOT NULL)::int,
      'live', r.state, r.channel, r.category,
      (CASE WHEN r.subcategories > 0 THEN r.category || '.' || (1 + floor(r.u_subcategory * r.subcategories)::int) END),
      r.flr, r.priority, (CASE WHEN r.ci_n IS NOT NULL THEN ${uuid('ci', 'r.ci_n')}::text END),
      r.group_id, r.group_name, r.group_tier, r.assignee_id, r.assignee_name, r.caller_id, r.opened_by_id, r.resolved_by_id,
      r.opened_at, r.first_response_at, r.resolved_at, r.closed_at, (CASE WHEN r.cancelled THEN r.cancelled_time END),
      r.reassignment_count, r.reopen_count,
      r.held AND r.state <> 'new' AND NOT (r.cancelled AND r.first_response_at IS NULL),
      r.fcr_path AND r.u_claim < 0.8,
      (CASE WHEN r.csat_at IS NOT NULL THEN (CASE WHEN r.u_rating < 0.05 THEN 1 WHEN r.u_rating < 0.10 THEN 2 WHEN r.u_rating < 0.20 THEN 3
                                                 WHEN r.u_rating < 0.45 THEN 4 ELSE 5 END) END),
      r.csat_at,
      -- itil.md FCR, as classifyIncident decides it from the columns above.
      r.resolved AND r.channel IN ('phone', 'chat', 'walk_in') AND r.resolved_by_id IS NOT NULL
        AND (CASE WHEN r.opened_by_id <> r.caller_id THEN r.resolved_by_id = r.opened_by_id
                  ELSE r.channel = 'chat' AND r.resolved_by_id <> r.caller_id END)
        AND r.reassignment_count = 0 AND r.reopen_count = 0 AND NOT r.held AND r.resolution_ms <= ${CONTACT_WINDOW_MS},
      r.resolved AND r.group_tier = 1 AND r.reassignment_count = 0 AND r.reopen_count = 0,
      r.resolved AND r.reopen_count > 0,
      (CASE WHEN r.resolved THEN r.resolution_ms END),
      (CASE WHEN r.resolved THEN r.resolution_business END),
      (CASE WHEN r.first_response_at IS NOT NULL THEN r.response_ms END),
      (CASE WHEN r.response_breached THEN false WHEN r.first_response_at IS NOT NULL THEN true END),
      (CASE WHEN r.resolved THEN r.resolution_business <= r.resolution_target END),
      jsonb_build_object(
        'responseMetAt', (CASE WHEN NOT r.response_breached AND r.first_response_at IS NOT NULL
                               THEN to_char(r.first_response_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END),
        'responseBreached', r.response_breached,
        'resolutionBreached', r.resolution_business > r.resolution_target,
        'resolutionElapsedBusinessMs', r.resolution_business,
        'sourceRecord', NULL),
      r.last_event_at, r.last_event_at + interval '150 milliseconds'
    FROM (${rows} OFFSET 0) r`;
}

/**
 * Help sessions of the portal: 40 % of them by employees who then opened an incident minutes later (taken
 * from the portal incidents), the rest on their own, some ended by "this solved my problem".
 */
function helpSessionsSql(): string {
  const own = `
    SELECT ${uuid('session', 'g.i')}::text AS session_id, ${uuid('employee', `(1 + floor(${EMPLOYEES} * ${u(51)})::int)`)}::text AS user_id,
      ${u(52)} < 0.03 AS user_is_staff, ${openedAtSql('dd.day', 'g.i', [53, 54, 55])} AS started_at,
      ($3::text[])[1 + floor(${u(58)} * array_length($3::text[], 1))::int] AS query,
      ${u(59)} < 0.7 AS viewed, ${u(60)} < 0.35 AS deflected, ${u(61)} AS u_view, ${u(62)} AS u_deflect
    FROM generate_series(1, $2::int) AS g(i), LATERAL ${dayOfRowSql('g.i', '$2')} AS dd(day)`;
  return `
    INSERT INTO help_session_fact (session_id, user_id, user_is_staff, started_at, query, deflected_at, last_suggestion_view_at, updated_at)
    SELECT s.session_id, s.user_id, s.user_is_staff, s.started_at, s.query,
      (CASE WHEN s.viewed AND s.deflected THEN s.started_at + (40 + 180 * s.u_view + 120 * s.u_deflect) * interval '1 second' END),
      (CASE WHEN s.viewed THEN s.started_at + (10 + 180 * s.u_view) * interval '1 second' END),
      s.started_at + interval '10 minutes'
    FROM (${own}) s
    UNION ALL
    SELECT ${uuid('session-before', 'f.incident_id::text')}::text, f.caller_id, false,
      f.opened_at - (3 + 12 * ${u(63, 'hashtext(f.incident_id::text)')}) * interval '1 minute',
      ($3::text[])[1 + floor(${u(64, 'hashtext(f.incident_id::text)')} * array_length($3::text[], 1))::int],
      NULL,
      (CASE WHEN ${u(65, 'hashtext(f.incident_id::text)')} < 0.8 THEN f.opened_at - (1 + 2 * ${u(66, 'hashtext(f.incident_id::text)')}) * interval '1 minute' END),
      f.opened_at
    FROM (SELECT incident_id, caller_id, opened_at FROM incident_fact WHERE channel = 'portal'
          ORDER BY md5(incident_id::text) LIMIT $4::int) f`;
}

/** Rows of incident_fact written by each of the concurrent loaders (row i goes to loader i mod LOADERS). */
const LOADERS = 2;

export async function loadReportingData(databaseUrl: string, options: ReportingDataOptions): Promise<ReportingDataLoad> {
  const connect = async () => {
    const client = new Client({ connectionString: databaseUrl, application_name: 'bench-reporting-data' });
    await client.connect();
    // JIT would spend minutes compiling the generator's long expressions for statements that run once.
    await client.query(`SET jit = off`);
    await client.query(`SET work_mem = '256MB'`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await createDimensions(client);
    await createDays(client, options.now);
    return client;
  };
  const clients = [await connect()];
  try {
    const client = clients[0];
    let t = Date.now();
    // Built once at the end, the service's own indexes (same definitions) cost a fraction of row-by-row upkeep.
    const indexes = await dropIndexes(client, 'incident_fact');
    for (let n = 1; n < LOADERS; n++) clients.push(await connect());
    // Interleaved rows (i mod LOADERS): both loaders move through the two years together, so the table
    // stays in order of opening.
    await Promise.all(
      clients.map((c, n) => c.query(incidentsSql(), [options.now.toISOString(), options.incidents, n + 1, LOADERS])),
    );
    for (const sql of indexes) await client.query(sql);
    const incidents = (Date.now() - t) / 1000;

    t = Date.now();
    const derived = Math.round(options.helpSessions * 0.4);
    await client.query(helpSessionsSql(), [options.now.toISOString(), options.helpSessions - derived, HELP_QUERIES, derived]);
    const helpSessions = (Date.now() - t) / 1000;

    // What autovacuum does after a bulk load: visibility map (index-only scans) and planner statistics.
    t = Date.now();
    await client.query(`VACUUM (ANALYZE) incident_fact`);
    await client.query(`VACUUM (ANALYZE) help_session_fact`);
    const vacuumAnalyze = (Date.now() - t) / 1000;

    const [sizes] = (
      await client.query(`
        SELECT pg_size_pretty(pg_table_size('incident_fact')) AS "incident_fact (table)",
               pg_size_pretty(pg_indexes_size('incident_fact')) AS "incident_fact (indexes)",
               pg_size_pretty(pg_total_relation_size('help_session_fact')) AS "help_session_fact"`)
    ).rows;
    const [profile] = (
      await client.query(
        `
        SELECT count(*)::int AS incidents,
          count(*) FILTER (WHERE state IN ('new', 'assigned', 'in_progress', 'on_hold'))::int AS open,
          count(*) FILTER (WHERE state = 'resolved')::int AS resolved,
          count(*) FILTER (WHERE state = 'closed')::int AS closed,
          count(*) FILTER (WHERE state = 'cancelled')::int AS cancelled,
          count(*) FILTER (WHERE opened_at >= $1::timestamptz - interval '30 days')::int AS "opened in the last 30 days",
          round(100.0 * count(*) FILTER (WHERE first_contact_resolved) / count(*), 1)::text || ' %' AS "FCR (gross)",
          round(100.0 * count(*) FILTER (WHERE first_level_resolved) / nullif(count(resolved_at), 0), 1)::text || ' %' AS "FLR",
          round(100.0 * count(*) FILTER (WHERE reopened) / nullif(count(resolved_at), 0), 1)::text || ' %' AS "reopened",
          round(100.0 * count(*) FILTER (WHERE resolution_sla_met) / nullif(count(resolution_sla_met), 0), 1)::text || ' %' AS "resolution SLA met",
          round(100.0 * count(csat_rating) / nullif(count(resolved_at), 0), 1)::text || ' %' AS "CSAT answered",
          round((percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution_calendar_ms) / ${H})::numeric, 1)::text || ' h' AS "median resolution",
          (SELECT count(*) FROM help_session_fact)::int AS "help sessions",
          round(100.0 * (SELECT count(*) FROM help_session_fact WHERE deflected_at IS NOT NULL) / nullif((SELECT count(*) FROM help_session_fact), 0), 1)::text
            || ' %' AS "help sessions ended by a deflection"
        FROM incident_fact`,
        [options.now.toISOString()],
      )
    ).rows;
    return { seconds: { incidents, helpSessions, vacuumAnalyze }, tableSizes: sizes, profile };
  } finally {
    for (const c of clients) await c.end();
  }
}

/** Drops a table's indexes (its primary key too) and returns the statements that build them again. */
async function dropIndexes(client: Client, table: string): Promise<string[]> {
  const constraints = (
    await client.query<{ name: string; def: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = $1::regclass AND contype IN ('p', 'u')`,
      [table],
    )
  ).rows;
  const indexes = (
    await client.query<{ name: string; def: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
        WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      [table],
    )
  ).rows;
  for (const c of constraints) await client.query(`ALTER TABLE ${table} DROP CONSTRAINT ${c.name}`);
  for (const i of indexes) await client.query(`DROP INDEX ${i.name}`);
  return [...constraints.map((c) => `ALTER TABLE ${table} ADD CONSTRAINT ${c.name} ${c.def}`), ...indexes.map((i) => i.def)];
}

/**
 * End to end through the gateway: problem management as the issue asks to see it, on the platform `npm start`
 * runs (gateway, incident, problem and knowledge services over real Kafka and PostgreSQL): similar incidents →
 * a candidate → a problem with links → a known error whose workaround shows on the incidents and becomes a draft
 * article → resolution proposed and confirmed in bulk; links made on an incident; the ServiceNow history's
 * problem references replayed into problems with the file's incident counts.
 */
import { readFileSync } from 'node:fs';
import { serviceNowDatasetPath, waitFor } from '@helpdesk/testing';
import { Actor, GatewayClient } from './support/gateway-client';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';

const OUTLOOK_CRASH = [
  'Outlookが添付ファイルを開くとクラッシュする',
  'Outlook crashes when I open an attachment',
  '添付ファイルを開くとOutlookがクラッシュした',
  'Outlook keeps crashing when opening attachments',
  'メールの添付ファイルを開くとOutlookがクラッシュ',
];

describe('problem workflows through the gateway (npm start: real PostgreSQL and Kafka)', () => {
  let platform: PlatformUnderTest;
  let employee: Actor;
  let agent: Actor;
  let problemManager: Actor;
  let knowledgeManager: Actor;
  let admin: Actor;

  beforeAll(async () => {
    platform = await startPlatform('problems');
    const gateway = new GatewayClient(platform.gatewayPort);
    [employee, agent, problemManager, knowledgeManager, admin] = await Promise.all(
      [
        'employee@example.com',
        'agent@example.com',
        'problem.manager@example.com',
        'knowledge.manager@example.com',
        'admin@example.com',
      ].map((e) => gateway.signIn(e)),
    );
  }, 300_000);

  afterAll(async () => {
    await platform?.dispose();
  }, 120_000);

  const incident = async (id: string) => (await agent.get(`/incidents/${id}`)).body;

  it('takes five similar incidents from candidate to problem, known error, draft article and bulk-confirmed resolution', async () => {
    const opened = [];
    for (const shortDescription of OUTLOOK_CRASH) {
      const res = await employee.post('/incidents', { shortDescription, category: 'software', impact: 3, urgency: 2 });
      expect({ shortDescription, status: res.status }).toEqual({ shortDescription, status: 201 });
      opened.push(res.body as { id: string; number: string });
    }
    const ids = opened.map((i) => i.id).sort();
    const candidate = await waitFor(
      async () => {
        const res = await agent.get('/problems/candidates?state=open&limit=100');
        return (res.body.items as Array<{ id: string; incidents: Array<{ id: string }> }>).find(
          (c) =>
            c.incidents
              .map((i) => i.id)
              .sort()
              .join() === ids.join(),
        );
      },
      { timeoutMs: 30_000, description: 'a candidate with the five incidents' },
    );
    expect((await agent.post(`/problems/candidates/${candidate.id}/accept`, {})).status).toBe(403);
    const accepted = await problemManager.post(`/problems/candidates/${candidate.id}/accept`, {});
    expect(accepted.status).toBe(200);
    const problem = accepted.body.problem;
    expect(problem).toMatchObject({ origin: 'candidate', linkedIncidentCount: 5, category: 'software' });
    for (const i of opened) await waitFor(async () => (await incident(i.id)).problemId === problem.id || undefined);

    // Only problem managers change problems; agents read them.
    expect((await agent.patch(`/problems/${problem.id}`, { title: 'x' })).status).toBe(403);
    expect((await employee.get(`/problems/${problem.id}`)).status).toBe(403);
    expect((await agent.get(`/problems/${problem.number}`)).body.id).toBe(problem.id);

    expect((await problemManager.post(`/problems/${problem.id}/start`, {})).status).toBe(200);
    const workaround = '添付ファイルをデスクトップに保存してから開いてください（プレビューは使わない）';
    const known = await problemManager.post(`/problems/${problem.id}/known-error`, {
      rootCause: 'The Office update replaced the attachment preview handler',
      workaround,
    });
    expect(known.status).toBe(200);
    for (const i of opened) await waitFor(async () => (await incident(i.id)).workaround === workaround || undefined);
    const draft = await waitFor(async () => {
      const res = await knowledgeManager.get('/kb/articles?source=known_error&state=draft&limit=100');
      return (res.body.items as Array<{ id: string; title: string }>).find((a) => a.title.includes('Outlook'));
    });
    const article = await knowledgeManager.get(`/kb/articles/${draft.id}`);
    expect(article.body.body).toContain(workaround);
    const kedb = await agent.get(`/known-errors?q=${encodeURIComponent('outlook attachment crash')}`);
    expect(kedb.body.items[0]).toMatchObject({ number: problem.number, workaround });

    // An agent links a sixth incident from the incident itself.
    const sixth = (await employee.post('/incidents', { shortDescription: 'Outlook が突然終了する', category: 'software' })).body;
    const picked = await agent.post(`/incidents/${sixth.id}/problem`, { problem: problem.number });
    expect(picked.status).toBe(200);
    expect(picked.body).toMatchObject({ problemId: problem.id, workaround });
    await waitFor(async () => (await agent.get(`/problems/${problem.id}`)).body.linkedIncidentCount === 6 || undefined);

    const resolved = await problemManager.post(`/problems/${problem.id}/resolve`, {
      resolutionNotes: 'Update KB5002 rolled back',
    });
    expect(resolved.status).toBe(200);
    const all = [...opened.map((i) => i.id), sixth.id];
    for (const id of all) await waitFor(async () => (await incident(id)).problemResolutionProposedAt !== null || undefined);
    const confirmed = await agent.post('/incidents/problem-resolutions/confirm', { incidentIds: all });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.resolved).toHaveLength(6);
    for (const id of all) expect(await incident(id)).toMatchObject({ state: 'resolved', resolutionCode: 'resolved_by_problem' });
    await waitFor(async () => (await agent.get(`/problems/${problem.id}`)).body.openIncidentCount === 0 || undefined);
  }, 180_000);

  it('replays the ServiceNow history into problems with the file\u2019s linked-incident counts', async () => {
    const csv = readFileSync(serviceNowDatasetPath(), 'utf8');
    const expected = problemCountsOfFile(csv);
    const started = await admin.postText('/imports/servicenow-incidents?fileName=servicenow.csv', csv, 'text/csv; charset=utf-8');
    expect(started.status).toBe(202);
    await waitFor(
      async () => {
        const job = (await admin.get(`/imports/${started.body.id}`)).body;
        if (job.state === 'failed') throw new Error(JSON.stringify(job));
        return job.state === 'succeeded' || undefined;
      },
      { timeoutMs: 240_000, intervalMs: 1000, description: 'the import to finish' },
    );
    const counts = await waitFor(
      async () => {
        const found = new Map<string, number>();
        let cursor: string | null = null;
        do {
          const page: {
            body: {
              items: Array<{ externalKey?: string; title: string; linkedIncidentCount: number }>;
              nextCursor: string | null;
            };
          } = await agent.get(`/problems?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
          for (const p of page.body.items) {
            const key = /^(.*) \(servicenow\)$/.exec(p.title)?.[1];
            if (key) found.set(key, p.linkedIncidentCount);
          }
          cursor = page.body.nextCursor;
        } while (cursor);
        return [...expected].every(([k, n]) => found.get(k) === n) ? found : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 1000, description: 'problems with the file\u2019s counts' },
    );
    expect(new Map([...counts].sort())).toEqual(new Map([...expected].sort()));
    const [someKey] = [...expected.keys()];
    const imported = (await agent.get(`/problems?q=${encodeURIComponent(someKey)}&limit=200`)).body.items.find(
      (p: { title: string }) => p.title === `${someKey} (servicenow)`,
    );
    const linked = await agent.get(`/problems/${imported.id}/incidents?limit=200`);
    expect(linked.body.items).toHaveLength(expected.get(someKey)!);
    // The incident service took the links too.
    expect((await incident(linked.body.items[0].id)).problemId).toBe(imported.id);
  }, 400_000);
});

/** Incidents per problem reference, straight from the file: each incident's last row, `?` meaning none. */
function problemCountsOfFile(csv: string): Map<string, number> {
  const [header, ...lines] = csv.split(/\r?\n/).filter((l) => l.length > 0);
  const columns = header.split(',');
  const numberAt = columns.indexOf('number');
  const problemAt = columns.indexOf('problem_id');
  const last = new Map<string, string>();
  for (const line of lines) {
    const fields = line.split(',');
    last.set(fields[numberAt], fields[problemAt].replace(/\s+/g, ' ').trim());
  }
  const counts = new Map<string, number>();
  for (const key of last.values()) if (key !== '?' && key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

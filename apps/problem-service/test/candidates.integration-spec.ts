import { EventEnvelope, ProblemCandidateSnapshot, Topics } from '@helpdesk/contracts';
import { TopicRecorder, waitFor } from '@helpdesk/testing';
import { as, incident, ProblemTestApp, startProblemService } from './support/problem-test-app';

const HOUR = 3_600_000;

describe('candidate problems from the incident stream (real PostgreSQL and Kafka)', () => {
  let t: ProblemTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    t = await startProblemService('candidates');
    recorder = await new TopicRecorder([Topics.problem]).start();
  });
  afterAll(async () => {
    await recorder?.stop();
    await t?.close();
  });

  const raisedFor = (incidentId: string) =>
    recorder
      .values<EventEnvelope<{ candidate: ProblemCandidateSnapshot }>>(Topics.problem)
      .filter((e) => e.type === 'problem.candidate-raised' && e.payload.candidate.incidentIds.includes(incidentId));
  const candidatesWith = async (incidentId: string) =>
    (
      (await as(t, t.people.agent).get('/problems/candidates?limit=100')).body.items as Array<{
        id: string;
        incidents: Array<{ id: string }>;
      }>
    ).filter((c) => c.incidents.some((i) => i.id === incidentId));

  it('raises one candidate from 5 similar incidents in Japanese and English, even when events come late and twice', async () => {
    const category = `software.mail.${Date.now()}`;
    const base = Date.now() - 6 * HOUR;
    const texts = [
      'Outlookが添付ファイルを開くとクラッシュする',
      'Outlook crashes when I open an attachment',
      '添付ファイルを開くとOutlookがクラッシュした',
      'Outlook keeps crashing when opening attachments',
      'Outlook crash: 添付ファイルを開くと落ちます',
    ];
    const incidents = texts.map((shortDescription, i) =>
      incident({ shortDescription, category, ciId: null, openedAt: new Date(base + i * HOUR).toISOString() }),
    );
    const unrelated = incident({
      shortDescription: 'Outlookのカレンダーが同期しない',
      category,
      ciId: null,
      openedAt: new Date(base).toISOString(),
    });
    await t.incidentEvent('created', unrelated);
    // The newest first, the oldest last (late), and two of them delivered twice.
    const order = [4, 2, 3, 1, 0];
    for (const i of order) {
      const sent = await t.incidentEvent('created', incidents[i]);
      if (i === 2 || i === 0) await t.incidentEvent('created', incidents[i], {}, { id: sent.id });
    }
    const raised = await waitFor(() => raisedFor(incidents[0].id)[0], {
      timeoutMs: 15_000,
      description: 'problem.candidate-raised',
    });
    expect(raised.payload.candidate).toMatchObject({ kind: 'category', category, state: 'open' });
    expect([...raised.payload.candidate.incidentIds].sort()).toEqual(incidents.map((i) => i.id).sort());
    expect(raised.payload.candidate.incidentNumbers).toEqual(incidents.map((i) => i.number));
    // A re-described duplicate of one of them later changes nothing either.
    await t.incidentEvent('updated', { ...incidents[3], version: 2 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(raisedFor(incidents[0].id)).toHaveLength(1);
    const listed = await candidatesWith(incidents[0].id);
    expect(listed).toHaveLength(1);
    expect(listed[0].incidents.map((i) => i.id)).not.toContain(unrelated.id);

    // Accept: the problem exists with the five incidents linked.
    const accepted = await as(t, t.people.problemManager).post(`/problems/candidates/${listed[0].id}/accept`, { priority: 2 });
    expect(accepted.status).toBe(200);
    expect(accepted.body.candidate).toMatchObject({ state: 'accepted', problemId: accepted.body.problem.id });
    expect(accepted.body.problem).toMatchObject({
      origin: 'candidate',
      candidateId: listed[0].id,
      linkedIncidentCount: 5,
      priority: 2,
      category,
      title: texts[0],
      ownerId: t.people.problemManager.id,
    });
    const linked = await as(t, t.people.agent).get(`/problems/${accepted.body.problem.id}/incidents`);
    expect(linked.body.items.map((i: { id: string }) => i.id).sort()).toEqual(incidents.map((i) => i.id).sort());
    expect(
      (await as(t, t.people.problemManager).post(`/problems/candidates/${listed[0].id}/dismiss`, { reason: 'x' })).status,
    ).toBe(409);
  });

  it('raises from 5 incidents on one CI; a dismissed set is not raised again, a 6th new one does not bring it back', async () => {
    const ciId = `CI-${Date.now()}`;
    const base = Date.now() - 3 * HOUR;
    const five = [0, 1, 2, 3, 4].map((i) =>
      incident({
        ciId,
        category: null,
        shortDescription: `different trouble ${i}`,
        openedAt: new Date(base + i * 10 * 60_000).toISOString(),
      }),
    );
    for (const i of five.slice(0, 4)) await t.incidentEvent('created', i);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await candidatesWith(five[0].id)).toHaveLength(0);
    await t.incidentEvent('created', five[4]);
    const [candidate] = await waitFor(async () => {
      const found = await candidatesWith(five[0].id);
      return found.length ? found : undefined;
    });
    expect(candidate).toMatchObject({ kind: 'ci', ciId, state: 'open' });

    expect((await as(t, t.people.agent).post(`/problems/candidates/${candidate.id}/dismiss`, { reason: 'no' })).status).toBe(403);
    const blank = await as(t, t.people.problemManager).post(`/problems/candidates/${candidate.id}/dismiss`, { reason: ' ' });
    expect(blank.status).toBe(400);
    const dismissed = await as(t, t.people.problemManager).post(`/problems/candidates/${candidate.id}/dismiss`, {
      reason: '偶然の重なり',
    });
    expect(dismissed.body).toMatchObject({ state: 'dismissed', dismissReason: '偶然の重なり' });

    // The same incidents again (redelivered) and one more: still fewer than 5 new ones, nothing raised.
    for (const i of five) await t.incidentEvent('updated', { ...i, version: 2, shortDescription: `${i.shortDescription}!` });
    const sixth = incident({ ciId, category: null, shortDescription: 'again', openedAt: new Date(base + HOUR).toISOString() });
    await t.incidentEvent('created', sixth);
    await new Promise((r) => setTimeout(r, 1500));
    const all = (await as(t, t.people.agent).get('/problems/candidates?limit=100')).body.items.filter(
      (c: { ciId: string }) => c.ciId === ciId,
    );
    expect(all.map((c: { state: string }) => c.state)).toEqual(['dismissed']);
    expect((await as(t, t.people.agent).get('/problems/candidates?state=sideways')).status).toBe(400);
  });
});

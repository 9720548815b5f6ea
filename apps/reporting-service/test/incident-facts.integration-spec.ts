import { randomUUID } from 'node:crypto';
import { waitFor } from '@helpdesk/testing';
import { incident, ReportingTestApp, startReportingService } from './support/reporting-test-app';

describe('incident facts from incident.* (real PostgreSQL and Kafka)', () => {
  let t: ReportingTestApp;

  beforeAll(async () => {
    t = await startReportingService('facts');
  });
  afterAll(async () => {
    await t?.close();
  });

  const factOf = async (id: string) =>
    (await t.dataSource.query(`SELECT * FROM incident_fact WHERE incident_id = $1`, [id]))[0] as
      Record<string, unknown> | undefined;

  it('keeps the newest snapshot whatever the arrival order, remembers a hold, and applies a redelivery once', async () => {
    const callerId = randomUUID();
    const agentId = randomUUID();
    const openedAt = new Date('2026-03-02T01:00:00Z');
    const base = incident({ callerId, openedById: agentId, channel: 'phone', openedAt: openedAt.toISOString() });
    const held = { ...base, version: 2, state: 'on_hold', holdReason: 'awaiting_user' };
    const resolved = {
      ...base,
      version: 4,
      state: 'resolved',
      resolvedById: agentId,
      assignmentGroupTier: 1,
      resolvedAt: new Date(openedAt.getTime() + 10 * 60_000).toISOString(),
    };
    await t.incidentEvent('resolved', resolved, { firstContact: true });
    await t.incidentEvent('created', base);
    const late = await t.incidentEvent('state-changed', held, { from: 'in_progress', to: 'on_hold', action: 'hold' });
    await t.incidentEvent('state-changed', held, {}, { id: late.id });

    const fact = await waitFor(async () => {
      const row = await factOf(base.id);
      return row?.ever_held ? row : undefined;
    });
    expect(fact).toMatchObject({ incident_version: 4, state: 'resolved', ever_held: true, first_level_resolved: true });
    // Held during the contact: not a first-contact resolution, though within 30 min by the same agent.
    expect(fact.first_contact_resolved).toBe(false);
    expect(Number(fact.resolution_calendar_ms)).toBe(10 * 60_000);
    const inbox = await t.dataSource.query(`SELECT count(*)::int AS n FROM inbox_message WHERE event_id = $1`, [late.id]);
    expect(inbox[0].n).toBe(1);
  });
});

/**
 * End to end through the gateway: reports on the platform `npm start` runs (gateway, incident, reporting and
 * the other services over real Kafka and PostgreSQL). A phone call resolved at first contact shows in the
 * reports moments later; the ServiceNow event log imported through the incident service gives the figures a
 * small independent script computes straight from the file (tools/reporting); only admins and supervisors
 * read reports.
 */
import { readFileSync } from 'node:fs';
import { serviceNowDatasetPath, waitFor } from '@helpdesk/testing';
import { computeServiceNowFileFigures } from '@helpdesk/reporting-tools';
import { Actor, GatewayClient } from './support/gateway-client';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';

/** "Beyond rounding": figures are compared to 9 significant digits. */
const close = (actual: number | null, expected: number | null) => {
  if (expected === null) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-9);
};

describe('reporting through the gateway (npm start: real PostgreSQL and Kafka)', () => {
  let platform: PlatformUnderTest;
  let gateway: GatewayClient;
  let employee: Actor;
  let agent: Actor;
  let supervisor: Actor;
  let admin: Actor;

  beforeAll(async () => {
    platform = await startPlatform('reporting');
    gateway = new GatewayClient(platform.gatewayPort);
    [employee, agent, supervisor, admin] = await Promise.all(
      ['employee@example.com', 'agent@example.com', 'supervisor@example.com', 'admin@example.com'].map((e) => gateway.signIn(e)),
    );
  }, 300_000);

  afterAll(async () => {
    await platform?.dispose();
  }, 120_000);

  it('lets admins and supervisors read reports, and nobody else', async () => {
    const path = '/reports/volume?groupBy=channel';
    expect((await admin.get(path)).status).toBe(200);
    expect((await supervisor.get(path)).status).toBe(200);
    expect((await agent.get(path)).status).toBe(403);
    expect((await employee.get(path)).status).toBe(403);
    expect((await gateway.send('GET', path)).status).toBe(401);
    const bad = await admin.get('/reports/mttr?groupBy=planet');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('groupBy');
  });

  it('shows a phone call resolved at first contact in the reports moments later', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    // Its own CI: other suites' incidents on a shared test broker stay out of these figures.
    const ci = `CI-RPT-${Date.now()}`;
    const period = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&ci=${ci}`;
    const before = (await admin.get(`/reports/fcr?${period}`)).body.total;
    expect(before).toMatchObject({ opened: 0, firstContactResolved: 0 });

    const logged = await agent.post('/incidents', {
      shortDescription: 'パスワードを忘れた 🔑',
      channel: 'phone',
      callerId: employee.id,
      ciId: ci,
      resolveAtFirstContact: { resolutionCode: 'user_instructed', resolutionNotes: '電話でリセット手順を案内しました' },
    });
    expect(logged.status).toBe(201);
    const resolvedAt = Date.now();
    const fcr = await waitFor(
      async () => {
        const total = (await admin.get(`/reports/fcr?${period}`)).body.total;
        return total.firstContactResolved === before.firstContactResolved + 1 ? total : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 50, description: 'the first-contact resolution in the FCR report' },
    );
    console.log(`resolved → visible in the FCR report: ${Date.now() - resolvedAt} ms`);
    expect(fcr).toMatchObject({ opened: 1, firstContactResolved: 1, claimed: 1, claimedHonoured: 1, grossRate: 1 });

    const byChannel = await supervisor.get(`/reports/volume?${period}&groupBy=channel`);
    expect(byChannel.body.rows).toEqual([expect.objectContaining({ key: 'phone', opened: 1, resolved: 1 })]);
    const csv = await admin.get(`/reports/flr?${period}&groupBy=group&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
  });

  it('gives the ServiceNow history the MTTR, FLR, reopen and SLA figures computed straight from the file', async () => {
    const csv = readFileSync(serviceNowDatasetPath(), 'utf8');
    const file = computeServiceNowFileFigures(csv);
    const started = await admin.postText('/imports/servicenow-incidents?fileName=servicenow.csv', csv, 'text/csv; charset=utf-8');
    expect(started.status).toBe(202);
    await waitFor(
      async () => {
        const job = (await admin.get(`/imports/${started.body.id}`)).body;
        if (job.state === 'failed') throw new Error(JSON.stringify(job));
        return job.state === 'succeeded' || undefined;
      },
      { timeoutMs: 600_000, intervalMs: 1000, description: 'the import to finish' },
    );

    // The file's history is 2016-2017: a period holding all of it and nothing live.
    const period = 'from=2016-01-01&to=2018-01-01';
    const flr = await waitFor(
      async () => {
        const total = (await admin.get(`/reports/flr?${period}`)).body.total;
        return total.resolved === file.resolved ? total : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'every imported resolution in the reports' },
    );
    const mttr = (await admin.get(`/reports/mttr?${period}`)).body.total;
    const reopen = (await admin.get(`/reports/reopen?${period}`)).body.total;
    const sla = (await admin.get(`/reports/sla?${period}`)).body.total;
    const figures = {
      mttr: { count: mttr.count, mean: mttr.meanHours, median: mttr.medianHours },
      flr: { count: flr.firstLevelResolved, total: flr.resolved, rate: flr.rate },
      reopen: { count: reopen.reopened, total: reopen.resolved, rate: reopen.rate },
      sla: { count: sla.resolutionMet, total: sla.resolutionCount, rate: sla.resolutionRate },
    };
    console.log(`ServiceNow sample: reports ${JSON.stringify(figures)}; file ${JSON.stringify(file)}`);

    expect(figures.mttr.count).toBe(file.mttrHours.count);
    close(figures.mttr.mean, file.mttrHours.mean);
    close(figures.mttr.median, file.mttrHours.median);
    expect({ count: figures.flr.count, total: figures.flr.total }).toEqual({ count: file.flr.count, total: file.flr.total });
    close(figures.flr.rate, file.flr.rate);
    expect({ count: figures.reopen.count, total: figures.reopen.total }).toEqual({
      count: file.reopen.count,
      total: file.reopen.total,
    });
    close(figures.reopen.rate, file.reopen.rate);
    expect({ count: figures.sla.count, total: figures.sla.total }).toEqual({ count: file.sla.count, total: file.sla.total });
    close(figures.sla.rate, file.sla.rate);

    // Grouped by month, the counts add up to the total.
    const byMonth = (await admin.get(`/reports/mttr?${period}&groupBy=month&timeZone=UTC`)).body;
    expect(byMonth.rows.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(file.mttrHours.count);
  }, 800_000);
});

/**
 * End to end through the gateway: the incident and service-request workflows of itil.md as each role does
 * them, with real tokens, on the platform `npm start` runs (real PostgreSQL and Kafka). Every refusal is
 * sent again, unchanged, as a role that may, so a role check that disappears fails the test.
 * The tests of this file build on one another in order (one platform start for the file).
 */
import { readFileSync } from 'node:fs';
import { serviceNowDatasetPath } from '@helpdesk/testing';
import { Actor, ApiResponse, GatewayClient } from './support/gateway-client';
import { waitForIncidentDirectory } from './support/incident-directory-sync';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';

// Group names of the gateway's demo seed (apps/api-gateway/src/seed/demo-directory.ts).
const SERVICE_DESK = 'Service Desk';
const NETWORK = 'Network';
const DESKTOP = 'Desktop Support';
/** A valid UUID that no user has. */
const NO_SUCH_USER = '00000000-0000-4000-8000-000000000001';

type Refusal = readonly [who: Actor, status: number, code?: string];

/** Status, error code and body of an answer, labelled with who asked (so a failure says whose request it was). */
function answerOf(who: Actor, res: ApiResponse) {
  return { as: who.user.email, status: res.status, body: res.body };
}

/**
 * Sends one request as each refused role (expecting its status and error code), then unchanged as a role that
 * may: a refusal only counts if the very same request succeeds for someone allowed.
 */
async function refusedThenAllowed(
  send: (who: Actor) => Promise<ApiResponse>,
  refusals: readonly Refusal[],
  [allowed, okStatus]: readonly [who: Actor, status: number],
): Promise<ApiResponse> {
  for (const [who, status, code] of refusals) {
    expect(answerOf(who, await send(who))).toMatchObject({ as: who.user.email, status, ...(code ? { body: { code } } : {}) });
  }
  const res = await send(allowed);
  expect(answerOf(allowed, res)).toMatchObject({ as: allowed.user.email, status: okStatus });
  return res;
}

const ids = (res: ApiResponse): string[] => res.body.items.map((item: { id: string }) => item.id);

describe('incident workflows through the gateway (npm start: real PostgreSQL and Kafka)', () => {
  let platform: PlatformUnderTest;
  let gateway: GatewayClient;
  let employee: Actor;
  let otherEmployee: Actor;
  /** The employee's manager, who approves their requests. */
  let approver: Actor;
  let agent: Actor;
  /** Member of Desktop Support and Network (tier 2). */
  let specialist: Actor;
  let supervisor: Actor;
  let admin: Actor;
  let problemManager: Actor;
  let knowledgeManager: Actor;
  let assetManager: Actor;
  const groups: Record<string, string> = {};

  // Incidents the workflows hand on from one test to the next.
  let vpn: any;
  let othersPrinter: any;
  let excel: any;
  let escalated: any;
  let hierarchical: any;

  beforeAll(async () => {
    platform = await startPlatform('workflows');
    gateway = new GatewayClient(platform.gatewayPort);
    [employee, otherEmployee, approver, agent, specialist, supervisor, admin, problemManager, knowledgeManager, assetManager] =
      await Promise.all(
        [
          'employee@example.com',
          'shota.yamaguchi@example.com',
          'hanako.sato@example.com',
          'agent@example.com',
          'specialist@example.com',
          'supervisor@example.com',
          'admin@example.com',
          'problem.manager@example.com',
          'knowledge.manager@example.com',
          'asset.manager@example.com',
        ].map((email) => gateway.signIn(email)),
      );
    expect(employee.user.managerId).toBe(approver.id);
    for (const group of (await admin.get('/groups?limit=100')).body.items) groups[group.name] = group.id;
    await waitForIncidentDirectory(admin, {
      routes: [
        ['VPN に繋がらない', NETWORK],
        ['プリンターが印刷しない', DESKTOP],
        ['パスワードを忘れた', 'Identity & Access'],
        ['Excel が保存時に落ちる', SERVICE_DESK],
      ],
      people: [employee, otherEmployee, approver, agent, specialist, supervisor, admin],
    });
  }, 240_000);

  afterAll(async () => {
    await platform?.dispose();
  });

  describe('without a valid token', () => {
    it('answers 401 to no, a tampered, a forged or an expired-looking token, where the real one gets 200', async () => {
      expect(await employee.get('/incidents')).toMatchObject({ status: 200 });
      const [header, payload, signature] = employee.token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      const withClaims = (changes: object) =>
        `${header}.${Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url')}.${signature}`;
      const now = Math.floor(Date.now() / 1000);
      // Edited claims under the original signature: a validly signed expired token needs the gateway's key or a wait past the TTL.
      const cases: Array<[label: string, authorization: string | undefined, code: string]> = [
        ['no token', undefined, 'TOKEN_MISSING'],
        [
          'a tampered signature',
          `Bearer ${header}.${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`,
          'TOKEN_INVALID',
        ],
        ['roles raised to admin', `Bearer ${withClaims({ roles: ['admin'] })}`, 'TOKEN_INVALID'],
        ['an expiry in the past', `Bearer ${withClaims({ iat: now - 7200, exp: now - 3600 })}`, 'TOKEN_INVALID'],
        ['not a JWT', 'Bearer not-a-token', 'TOKEN_INVALID'],
      ];
      for (const [label, authorization, code] of cases) {
        const res = await gateway.send('GET', '/incidents', { authorization });
        expect({ label, status: res.status, code: res.body.code }).toEqual({ label, status: 401, code });
      }
      const write = await gateway.send('POST', '/incidents', { body: { json: { shortDescription: 'no token' } } });
      expect(write).toMatchObject({ status: 401, body: { code: 'TOKEN_MISSING' } });
    });
  });

  describe('employee', () => {
    it('opens an incident on the portal: Japanese and emoji intact, priority derived, routed by keyword', async () => {
      const text = {
        shortDescription: 'VPN に繋がらない 😭',
        description: '自宅から社内 VPN に接続できません 🙏\n再起動しても同じです。',
      };
      const res = await employee.post('/incidents', { ...text, impact: 2, urgency: 1 });
      expect(res).toMatchObject({
        status: 201,
        body: {
          number: expect.stringMatching(/^INC\d{7}$/),
          version: 1,
          state: 'new',
          channel: 'portal',
          ...text,
          impact: 2,
          urgency: 1,
          priority: 2,
          caller: { id: employee.id, name: employee.user.displayName },
          assignmentGroup: { id: groups[NETWORK], name: NETWORK, tier: 2 },
          assignee: null,
          allowedActions: ['assign', 'cancel', 'update'],
        },
      });
      expect(res.headers.get('etag')).toBe('"1"');
      vpn = res.body;

      const byNumber = await employee.get(`/incidents/${vpn.number}`);
      expect(byNumber).toMatchObject({ status: 200, body: { id: vpn.id, ...text } });
      othersPrinter = (await otherEmployee.post('/incidents', { shortDescription: 'プリンターが印刷しない' })).body;
      expect(othersPrinter.assignmentGroup).toMatchObject({ id: groups[DESKTOP] });
      const mine = await employee.get('/incidents?limit=200');
      expect(ids(mine)).toContain(vpn.id);
      expect(ids(mine)).not.toContain(othersPrinter.id);
      expect(mine.body.items.every((i: any) => i.caller.id === employee.id)).toBe(true);
    });

    it('replies in public and never sees the work notes IT staff add', async () => {
      const reply = await employee.post(`/incidents/${vpn.id}/comments`, { body: '再起動しても同じエラーです 🙇' });
      expect(reply).toMatchObject({
        status: 201,
        body: { visibility: 'public', body: '再起動しても同じエラーです 🙇', authorId: employee.id },
      });
      const note = { body: '社内メモ: VPN 装置のログを確認中', visibility: 'work_note' };
      await refusedThenAllowed(
        (who) => who.post(`/incidents/${vpn.id}/comments`, note),
        [[employee, 403, 'INCIDENT_FORBIDDEN']],
        [specialist, 201],
      );
      const bodies = (res: ApiResponse) => res.body.items.map((c: { body: string }) => c.body);
      expect(bodies(await employee.get(`/incidents/${vpn.id}/comments`))).toEqual(['再起動しても同じエラーです 🙇']);
      expect(bodies(await specialist.get(`/incidents/${vpn.id}/comments`))).toEqual(['再起動しても同じエラーです 🙇', note.body]);
      const actions = (res: ApiResponse) => res.body.items.map((h: { action: string }) => h.action);
      expect(actions(await employee.get(`/incidents/${vpn.id}/history`))).toEqual(['created', 'comment']);
      expect(actions(await specialist.get(`/incidents/${vpn.id}/history`))).toEqual(['created', 'comment', 'work_note']);
    });

    it("can neither see nor touch another employee's incident: 404, as if it did not exist", async () => {
      expect(await otherEmployee.get(`/incidents/${vpn.id}`)).toMatchObject({
        status: 404,
        body: { code: 'INCIDENT_NOT_FOUND' },
      });
      expect(await otherEmployee.get(`/incidents/${vpn.id}/comments`)).toMatchObject({ status: 404 });
      expect(await otherEmployee.get(`/incidents/${vpn.id}/history`)).toMatchObject({ status: 404 });
      expect(await otherEmployee.post(`/incidents/${vpn.id}/comments`, { body: '私も同じです' })).toMatchObject({ status: 404 });
      expect(ids(await otherEmployee.get('/incidents?limit=200'))).not.toContain(vpn.id);

      const spare = (await employee.post('/incidents', { shortDescription: 'Teams の通知が来ない' })).body;
      const withdrawn = await refusedThenAllowed(
        (who) => who.post(`/incidents/${spare.id}/cancel`, { reason: 'withdrawn' }),
        [[otherEmployee, 404, 'INCIDENT_NOT_FOUND']],
        [employee, 200],
      );
      expect(withdrawn.body).toMatchObject({ state: 'cancelled', cancelReason: 'withdrawn' });
    });

    it('may not work incidents (assign, start, resolve: 403) nor open one for someone else; a specialist and an agent may', async () => {
      const assignment = { assignmentGroupId: groups[NETWORK], assigneeId: specialist.id };
      const assigned = await refusedThenAllowed(
        (who) => who.post(`/incidents/${vpn.id}/assign`, assignment),
        [[employee, 403, 'FORBIDDEN']],
        [specialist, 200],
      );
      expect(assigned.body).toMatchObject({ state: 'assigned', assignee: { id: specialist.id }, reassignmentCount: 0 });
      await refusedThenAllowed(
        (who) => who.post(`/incidents/${vpn.id}/start`),
        [[employee, 403, 'FORBIDDEN']],
        [specialist, 200],
      );
      const resolution = { resolutionCode: 'solved_remotely', resolutionNotes: 'VPN クライアントの証明書を更新しました' };
      const resolved = await refusedThenAllowed(
        (who) => who.post(`/incidents/${vpn.id}/resolve`, resolution),
        [[employee, 403, 'FORBIDDEN']],
        [specialist, 200],
      );
      expect(resolved.body).toMatchObject({ state: 'resolved', ...resolution, resolvedById: specialist.id });

      const forSomeoneElse = { shortDescription: '代理で起票', callerId: otherEmployee.id };
      const opened = await refusedThenAllowed(
        (who) => who.post('/incidents', forSomeoneElse),
        [[employee, 403, 'INCIDENT_FORBIDDEN']],
        [agent, 201],
      );
      expect(opened.body).toMatchObject({ caller: { id: otherEmployee.id }, openedById: agent.id, channel: 'phone' });
    });

    it('reopens after resolution, then rates it once and confirms it; closed is final', async () => {
      const reopened = await employee.post(`/incidents/${vpn.id}/reopen`);
      expect(reopened).toMatchObject({ status: 200, body: { state: 'in_progress', reopenCount: 1, resolutionCode: null } });
      const again = { resolutionCode: 'solved_permanently', resolutionNotes: 'VPN 装置の設定を修正しました' };
      expect(await specialist.post(`/incidents/${vpn.id}/resolve`, again)).toMatchObject({
        status: 200,
        body: { state: 'resolved' },
      });

      const rating = { rating: 5, comment: '迅速な対応ありがとうございました 🙏' };
      await refusedThenAllowed(
        (who) => who.post(`/incidents/${vpn.id}/satisfaction`, rating),
        [
          [specialist, 403, 'INCIDENT_FORBIDDEN'],
          [otherEmployee, 404, 'INCIDENT_NOT_FOUND'],
        ],
        [employee, 200],
      );
      expect(await employee.post(`/incidents/${vpn.id}/satisfaction`, { rating: 4 })).toMatchObject({
        status: 409,
        body: { code: 'INCIDENT_ALREADY_RATED' },
      });
      const closed = await refusedThenAllowed(
        (who) => who.post(`/incidents/${vpn.id}/close`),
        [[otherEmployee, 404]],
        [employee, 200],
      );
      expect(closed.body).toMatchObject({ state: 'closed', closedAt: expect.any(String), allowedActions: [] });
      expect(await employee.post(`/incidents/${vpn.id}/reopen`)).toMatchObject({
        status: 409,
        body: { code: 'INCIDENT_ILLEGAL_TRANSITION' },
      });

      // Only what was allowed left a trace: none of the refused requests above wrote anything.
      const history = await specialist.get(`/incidents/${vpn.id}/history?limit=100`);
      expect(history.body.items.map((h: { action: string }) => h.action)).toEqual([
        'created',
        'comment',
        'work_note',
        'assign',
        'start',
        'resolve',
        'reopen',
        'resolve',
        'satisfaction',
        'close',
      ]);
    });

    it('may not read or change routing rules and SLA policies, nor run imports (403); an admin may', async () => {
      await refusedThenAllowed((who) => who.get('/routing-rules'), [[employee, 403, 'FORBIDDEN']], [agent, 200]);
      await refusedThenAllowed((who) => who.get('/sla-policies'), [[employee, 403, 'FORBIDDEN']], [agent, 200]);

      const current = (await admin.get('/sla-policies')).body;
      const policies = current.items.map(({ priority, responseMinutes, resolutionMinutes, calendarId, active }: any) => ({
        priority,
        responseMinutes,
        resolutionMinutes,
        calendarId,
        active,
      }));
      const replaced = await refusedThenAllowed(
        (who) => who.put('/sla-policies', { policies, version: current.version }),
        [
          [employee, 403, 'FORBIDDEN'],
          [agent, 403, 'FORBIDDEN'],
        ],
        [admin, 200],
      );
      expect(replaced.body).toMatchObject({ version: current.version + 1, items: policies });

      // The dataset's header and first event: a dry run reads it and writes nothing.
      const csv = readFileSync(serviceNowDatasetPath(), 'utf8').split(/\r?\n/).slice(0, 2).join('\r\n');
      const dryRun = await refusedThenAllowed(
        (who) => who.postText('/imports/servicenow-incidents?dryRun=true&fileName=sample.csv', csv, 'text/csv; charset=utf-8'),
        [
          [employee, 403, 'FORBIDDEN'],
          [agent, 403, 'FORBIDDEN'],
        ],
        [admin, 200],
      );
      expect(dryRun.body).toMatchObject({ dryRun: true, fileName: 'sample.csv', counts: { rows: 1, incidentsTotal: 1 } });
    });
  });

  describe('agent (tier 1 service desk)', () => {
    it('sees the service desk queue and assigns an incident to themselves', async () => {
      excel = (await employee.post('/incidents', { shortDescription: 'Excel が保存時に落ちる 😢', impact: 3, urgency: 2 })).body;
      expect(excel).toMatchObject({ priority: 4, state: 'new', assignmentGroup: { id: groups[SERVICE_DESK], tier: 1 } });
      const queue = await agent.get('/incidents?limit=200');
      expect(ids(queue)).toContain(excel.id);
      expect(ids(queue)).not.toContain(othersPrinter.id);
      expect(
        queue.body.items.every((i: any) => i.assignmentGroup?.id === groups[SERVICE_DESK] || i.assignee?.id === agent.id),
      ).toBe(true);

      const assigned = await agent.post(
        `/incidents/${excel.id}/assign`,
        { assignmentGroupId: groups[SERVICE_DESK], assigneeId: agent.id },
        { 'if-match': '"1"' },
      );
      expect(assigned).toMatchObject({
        status: 200,
        body: {
          state: 'assigned',
          version: 2,
          assignee: { id: agent.id, name: agent.user.displayName },
          firstResponseAt: expect.any(String),
        },
      });
      expect(assigned.headers.get('etag')).toBe('"2"');
    });

    it('gets 409 naming the allowed actions for an illegal transition, and nothing changes', async () => {
      const res = await agent.post(`/incidents/${excel.id}/resolve`, {
        resolutionCode: 'other',
        resolutionNotes: '早すぎる解決',
      });
      expect(res).toMatchObject({
        status: 409,
        body: {
          code: 'INCIDENT_ILLEGAL_TRANSITION',
          message: 'Cannot resolve an incident in state assigned; allowed: assign, start, cancel, update',
          details: [{ field: 'state', reason: 'is assigned; allowed actions: assign, start, cancel, update' }],
        },
      });
      expect((await agent.get(`/incidents/${excel.id}`)).body).toMatchObject({ state: 'assigned', version: 2 });
    });

    it('gets 409 for a stale version (optimistic lock); the current version goes through', async () => {
      const stale = await agent.post(`/incidents/${excel.id}/start`, {}, { 'if-match': '"1"' });
      expect(stale).toMatchObject({
        status: 409,
        body: { code: 'INCIDENT_STALE_VERSION', details: [{ field: 'version', reason: 'is 1, current is 2' }] },
      });
      const started = await agent.post(`/incidents/${excel.id}/start`, {}, { 'if-match': '"2"' });
      expect(started).toMatchObject({ status: 200, body: { state: 'in_progress', version: 3 } });
    });

    it('adds a work note and resolves with a code and notes; the employee confirms', async () => {
      const note = await agent.post(`/incidents/${excel.id}/comments`, { body: 'Office の修復を実施', visibility: 'work_note' });
      expect(note).toMatchObject({ status: 201, body: { visibility: 'work_note', authorId: agent.id } });
      const resolution = { resolutionCode: 'solved_remotely', resolutionNotes: 'リモートで Office を修復しました' };
      const resolved = await agent.post(`/incidents/${excel.id}/resolve`, resolution);
      expect(resolved).toMatchObject({
        status: 200,
        body: { state: 'resolved', ...resolution, resolvedById: agent.id, reassignmentCount: 0 },
      });
      expect((await employee.get(`/incidents/${excel.id}/comments`)).body.items).toEqual([]);
      expect(await employee.post(`/incidents/${excel.id}/close`)).toMatchObject({ status: 200, body: { state: 'closed' } });
    });

    it('logs a phone call resolved at first contact (which an employee may not)', async () => {
      const call = {
        shortDescription: 'パスワードを忘れた 🔑',
        channel: 'phone',
        callerId: employee.id,
        resolveAtFirstContact: {
          resolutionCode: 'user_instructed',
          resolutionNotes: '電話でパスワードリセットの手順を案内しました',
        },
      };
      const logged = await refusedThenAllowed(
        (who) => who.post('/incidents', call),
        [[employee, 403, 'INCIDENT_FORBIDDEN']],
        [agent, 201],
      );
      // Resolved in the agent's own tier 1 group, though the words would route it to Identity & Access.
      expect(logged.body).toMatchObject({
        state: 'resolved',
        channel: 'phone',
        firstContactClaimed: true,
        caller: { id: employee.id },
        openedById: agent.id,
        assignee: { id: agent.id },
        assignmentGroup: { id: groups[SERVICE_DESK] },
        reassignmentCount: 0,
        resolutionCode: 'user_instructed',
        resolvedById: agent.id,
      });
      expect(ids(await employee.get('/incidents?limit=200'))).toContain(logged.body.id);
    });

    it('escalates functionally to a tier 2 group: a counted reassignment into that group’s queue', async () => {
      const call = await agent.post('/incidents', {
        shortDescription: 'ノート PC の画面がちらつく',
        channel: 'phone',
        callerId: employee.id,
      });
      expect(call).toMatchObject({ status: 201, body: { assignmentGroup: { id: groups[SERVICE_DESK] } } });
      const id = call.body.id;
      await agent.post(`/incidents/${id}/assign`, { assignmentGroupId: groups[SERVICE_DESK], assigneeId: agent.id });
      expect(await agent.post(`/incidents/${id}/start`)).toMatchObject({
        status: 200,
        body: { state: 'in_progress', version: 3 },
      });

      const toTierOne = await agent.post(`/incidents/${id}/escalate`, {
        kind: 'functional',
        assignmentGroupId: groups[SERVICE_DESK],
        reason: '二次対応へ',
      });
      expect(toTierOne).toMatchObject({
        status: 400,
        body: { code: 'INCIDENT_NOT_TIER_TWO', details: [{ field: 'assignmentGroupId' }] },
      });
      const reason = 'ディスプレイ交換が必要そうなためデスクトップサポートへ';
      const res = await agent.post(`/incidents/${id}/escalate`, {
        kind: 'functional',
        assignmentGroupId: groups[DESKTOP],
        reason,
      });
      expect(res).toMatchObject({
        status: 200,
        body: {
          state: 'assigned',
          version: 4,
          assignee: null,
          reassignmentCount: 1,
          assignmentGroup: { id: groups[DESKTOP], name: DESKTOP, tier: 2 },
        },
      });
      escalated = res.body;
      const history = (await agent.get(`/incidents/${id}/history?limit=100`)).body.items;
      expect(history.at(-1)).toMatchObject({ action: 'escalate', note: reason, actorId: agent.id });
      expect(ids(await agent.get('/incidents?limit=200'))).not.toContain(id);
    });

    it('gets 400 naming the field for bad input, and nothing is written', async () => {
      const marker = 'bad-input-probe';
      const cases: Array<[body: object, field: string]> = [
        [{ shortDescription: '' }, 'shortDescription'],
        [{ shortDescription: `${marker} 1`, impact: 4 }, 'impact'],
        [{ shortDescription: `${marker} 2`, channel: 'fax' }, 'channel'],
        // Priority is derived from impact × urgency, never typed.
        [{ shortDescription: `${marker} 3`, priority: 1 }, 'priority'],
        // Valid in shape, refused inside the transaction.
        [{ shortDescription: `${marker} 4`, callerId: NO_SUCH_USER }, 'callerId'],
        [
          {
            shortDescription: `${marker} 5`,
            channel: 'email',
            resolveAtFirstContact: { resolutionCode: 'other', resolutionNotes: 'x' },
          },
          'resolveAtFirstContact',
        ],
      ];
      for (const [body, field] of cases) {
        const res = await agent.post('/incidents', body);
        const fields = res.body.details?.map((d: { field: string }) => d.field);
        expect({ field, status: res.status, fields }).toEqual({ field, status: 400, fields: [field] });
      }
      expect(ids(await agent.get(`/incidents?scope=all&q=${encodeURIComponent(marker)}`))).toEqual([]);

      const badChange = await agent.patch(`/incidents/${escalated.id}`, { impact: 5, urgency: 1 });
      expect(badChange).toMatchObject({ status: 400, body: { details: [{ field: 'impact' }] } });
      expect((await agent.get(`/incidents/${escalated.id}`)).body).toMatchObject({
        version: escalated.version,
        impact: escalated.impact,
        urgency: escalated.urgency,
      });
    });

    it('refuses a first-contact resolution with blank notes as a whole: the incident it would open is not written', async () => {
      const res = await agent.post('/incidents', {
        shortDescription: 'blank-notes-probe',
        channel: 'phone',
        callerId: employee.id,
        resolveAtFirstContact: { resolutionCode: 'other', resolutionNotes: '   ' },
      });
      expect(res).toMatchObject({ status: 400, body: { details: [{ field: 'resolveAtFirstContact.resolutionNotes' }] } });
      expect(ids(await agent.get('/incidents?scope=all&q=blank-notes-probe'))).toEqual([]);
    });
  });

  describe('specialist (tier 2)', () => {
    it('sees the escalated incident in their group’s queue and works it to resolution', async () => {
      expect(ids(await specialist.get('/incidents?sort=slaDue&limit=200'))).toContain(escalated.id);
      const unassigned = await specialist.get(`/incidents?group=${groups[DESKTOP]}&assignee=none&state=assigned`);
      expect(ids(unassigned)).toContain(escalated.id);

      const started = await specialist.post(`/incidents/${escalated.id}/start`);
      expect(started).toMatchObject({ status: 200, body: { state: 'in_progress', assignee: { id: specialist.id } } });
      const reply = await specialist.post(`/incidents/${escalated.id}/comments`, { body: '明日ディスプレイを交換に伺います 🛠️' });
      expect(reply).toMatchObject({ status: 201, body: { visibility: 'public' } });
      const resolution = { resolutionCode: 'solved_on_site', resolutionNotes: 'ディスプレイを交換しました' };
      const resolved = await specialist.post(`/incidents/${escalated.id}/resolve`, resolution);
      expect(resolved).toMatchObject({
        status: 200,
        body: { state: 'resolved', resolvedById: specialist.id, reassignmentCount: 1, ...resolution },
      });

      const seenByCaller = await employee.get(`/incidents/${escalated.id}`);
      expect(seenByCaller.body).toMatchObject({ state: 'resolved', resolutionNotes: resolution.resolutionNotes });
      const replies = (await employee.get(`/incidents/${escalated.id}/comments`)).body.items;
      expect(replies.map((c: { body: string }) => c.body)).toEqual(['明日ディスプレイを交換に伺います 🛠️']);
    });
  });

  describe('supervisor', () => {
    it('receives a hierarchical escalation: recorded for them, the incident stays in its group', async () => {
      const call = await agent.post('/incidents', {
        shortDescription: '基幹システムの帳票が出力されない',
        channel: 'phone',
        callerId: employee.id,
      });
      expect(call).toMatchObject({ status: 201, body: { assignmentGroup: { id: groups[SERVICE_DESK] } } });
      const escalation = { kind: 'hierarchical', reason: '月次締めに影響するため監督者へ' };
      const res = await refusedThenAllowed(
        (who) => who.post(`/incidents/${call.body.id}/escalate`, escalation),
        [[employee, 403, 'FORBIDDEN']],
        [agent, 200],
      );
      expect(res.body).toMatchObject({
        state: 'new',
        version: 2,
        reassignmentCount: 0,
        assignmentGroup: { id: groups[SERVICE_DESK] },
      });
      hierarchical = res.body;
      const history = (await supervisor.get(`/incidents/${hierarchical.id}/history`)).body.items;
      expect(history.at(-1)).toMatchObject({
        action: 'escalate',
        note: escalation.reason,
        changes: [{ field: 'escalatedTo', from: null, to: supervisor.id }],
      });
      expect(ids(await supervisor.get('/incidents?limit=200'))).toContain(hierarchical.id);
    });

    it('looks at any group’s queue and at SLA breaches with the list filters', async () => {
      const desktop = await supervisor.get(`/incidents?scope=all&group=${groups[DESKTOP]}&limit=200`);
      expect(ids(desktop)).toEqual(expect.arrayContaining([othersPrinter.id, escalated.id]));
      expect(desktop.body.items.every((i: any) => i.assignmentGroup.id === groups[DESKTOP])).toBe(true);

      // Nothing has breached yet (targets are hours away): the filters split the open incidents accordingly.
      const breached = await supervisor.get('/incidents?scope=all&breached=true&limit=200');
      expect(breached.status).toBe(200);
      expect(ids(breached)).not.toContain(hierarchical.id);
      expect(ids(await supervisor.get('/incidents?scope=all&breached=false&limit=200'))).toContain(hierarchical.id);
      const dueWithinAYear = new Date(Date.now() + 365 * 86_400_000).toISOString();
      const dueSoon = await supervisor.get(`/incidents?scope=all&sort=slaDue&slaDueBefore=${encodeURIComponent(dueWithinAYear)}`);
      expect(ids(dueSoon)).toContain(hierarchical.id);

      const detail = await supervisor.get(`/incidents/${hierarchical.id}`);
      expect(detail.body.sla).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ timer: 'response', status: 'running', breachedAt: null }),
          expect.objectContaining({ timer: 'resolution', status: 'running', breachedAt: null }),
        ]),
      );
    });
  });

  describe('admin', () => {
    it('sees every incident by default', async () => {
      const all = await admin.get('/incidents?limit=200');
      expect(ids(all)).toEqual(expect.arrayContaining([vpn.id, othersPrinter.id, excel.id, escalated.id, hierarchical.id]));
    });

    it('edits a routing rule (only admins may) and the next matching incident follows it', async () => {
      const text = 'スキャナーで読み取れない 📠';
      const before = await admin.post('/routing-rules/simulate', { shortDescription: text });
      expect(before.body).toMatchObject({ groupName: SERVICE_DESK, ruleId: null });

      const rules = (await admin.get('/routing-rules?limit=200')).body.items;
      const rule = rules.find((r: any) => r.assignmentGroupName === DESKTOP && r.conditions.keywords.length > 0);
      const change = { conditions: { keywords: [...rule.conditions.keywords, 'スキャナー'] } };
      const ifMatch = { 'if-match': `"${rule.version}"` };
      const edited = await refusedThenAllowed(
        (who) => who.patch(`/routing-rules/${rule.id}`, change, ifMatch),
        [
          [employee, 403, 'FORBIDDEN'],
          [agent, 403, 'FORBIDDEN'],
          [supervisor, 403, 'FORBIDDEN'],
        ],
        [admin, 200],
      );
      expect(edited.body).toMatchObject({ version: rule.version + 1, conditions: { keywords: change.conditions.keywords } });
      expect(await admin.patch(`/routing-rules/${rule.id}`, change, ifMatch)).toMatchObject({ status: 409 });

      const next = await employee.post('/incidents', { shortDescription: text });
      expect(next).toMatchObject({ status: 201, body: { assignmentGroup: { id: groups[DESKTOP], name: DESKTOP } } });
      const created = (await admin.get(`/incidents/${next.body.id}/history`)).body.items[0];
      expect(created).toMatchObject({ action: 'created', note: `routing rule ${rule.id}` });
    });
  });

  describe.each([
    ['problem_manager', () => problemManager],
    ['knowledge_manager', () => knowledgeManager],
    ['asset_manager', () => assetManager],
  ])('%s', (role, manager) => {
    it('reads every incident with its work notes, and may add work notes', async () => {
      const all = await manager().get('/incidents?limit=200');
      expect(ids(all)).toEqual(expect.arrayContaining([vpn.id, othersPrinter.id, escalated.id]));
      expect(await manager().get(`/incidents/${othersPrinter.id}`)).toMatchObject({ status: 200 });
      const comments = (await manager().get(`/incidents/${vpn.id}/comments`)).body.items;
      expect(comments.map((c: { visibility: string }) => c.visibility)).toContain('work_note');
      const note = await manager().post(`/incidents/${hierarchical.id}/comments`, {
        body: `${role} のメモ`,
        visibility: 'work_note',
      });
      expect(note).toMatchObject({ status: 201, body: { visibility: 'work_note', authorId: manager().id } });
    });

    it('may not work incidents (403), where an agent may', async () => {
      const fresh = (await employee.post('/incidents', { shortDescription: `共有ドライブが見えない (${role})` })).body;
      const assignment = { assignmentGroupId: groups[SERVICE_DESK], assigneeId: agent.id };
      await refusedThenAllowed(
        (who) => who.post(`/incidents/${fresh.id}/assign`, assignment),
        [[manager(), 403, 'FORBIDDEN']],
        [agent, 200],
      );
      await refusedThenAllowed((who) => who.post(`/incidents/${fresh.id}/start`), [[manager(), 403, 'FORBIDDEN']], [agent, 200]);
      const resolution = { resolutionCode: 'solved_remotely', resolutionNotes: 'ドライブを再マップしました' };
      await refusedThenAllowed(
        (who) => who.post(`/incidents/${fresh.id}/resolve`, resolution),
        [[manager(), 403, 'FORBIDDEN']],
        [agent, 200],
      );
      // Reopen has no role guard (callers may): the service itself refuses staff who do not work incidents.
      await refusedThenAllowed(
        (who) => who.post(`/incidents/${fresh.id}/reopen`),
        [[manager(), 403, 'INCIDENT_FORBIDDEN']],
        [agent, 200],
      );
      const escalation = { kind: 'hierarchical', reason: '確認依頼' };
      await refusedThenAllowed(
        (who) => who.post(`/incidents/${fresh.id}/escalate`, escalation),
        [[manager(), 403, 'FORBIDDEN']],
        [agent, 200],
      );
      const firstContact = {
        shortDescription: `電話で解決 (${role})`,
        channel: 'phone',
        resolveAtFirstContact: { resolutionCode: 'user_instructed', resolutionNotes: '手順を案内' },
      };
      await refusedThenAllowed(
        (who) => who.post('/incidents', firstContact),
        [[manager(), 403, 'INCIDENT_FORBIDDEN']],
        [agent, 201],
      );
    });
  });

  describe('service request from the catalog', () => {
    it('employee requests software; only their manager approves; IT fulfils; each employee sees only their own', async () => {
      const catalog = await employee.get('/catalog');
      expect(catalog.body.items.map((i: { code: string }) => i.code)).toEqual(
        expect.arrayContaining(['software-install', 'password-reset']),
      );

      const form = { software: 'visio', businessReason: '業務フロー図を作成するため 📈' };
      const submitted = await employee.post('/requests', { catalogItemId: 'software-install', form });
      expect(submitted).toMatchObject({
        status: 201,
        body: {
          number: expect.stringMatching(/^REQ\d{7}$/),
          state: 'awaiting_approval',
          approvalPolicy: 'manager',
          approverId: approver.id,
          requesterId: employee.id,
          requestedForId: employee.id,
          form,
          fulfilmentGroupId: groups[DESKTOP],
          tasks: [],
        },
      });
      const request = submitted.body;
      const theirs = await otherEmployee.post('/requests', { catalogItemId: 'password-reset', form: { account: 'email' } });
      expect(theirs).toMatchObject({ status: 201, body: { state: 'in_fulfilment', approvalPolicy: 'none' } });

      const mine = await employee.get('/requests?limit=200');
      expect(ids(mine)).toContain(request.id);
      expect(ids(mine)).not.toContain(theirs.body.id);
      expect(mine.body.items.every((r: any) => r.requesterId === employee.id || r.requestedForId === employee.id)).toBe(true);
      expect(await otherEmployee.get(`/requests/${request.id}`)).toMatchObject({ status: 404 });
      expect(ids(await approver.get('/requests?awaitingMyApproval=true'))).toContain(request.id);

      const decision = { comment: '業務上必要と判断します' };
      const approved = await refusedThenAllowed(
        (who) => who.post(`/requests/${request.id}/approve`, decision),
        [
          [employee, 403, 'REQUEST_FORBIDDEN'],
          [agent, 403, 'REQUEST_FORBIDDEN'],
          [otherEmployee, 404],
        ],
        [approver, 200],
      );
      expect(approved.body).toMatchObject({
        state: 'in_fulfilment',
        approval: { decision: 'approved', approverId: approver.id, via: 'manager', ...decision },
        tasks: [{ state: 'open' }, { state: 'open' }, { state: 'open' }],
      });
      expect(await approver.post(`/requests/${request.id}/approve`, {})).toMatchObject({ status: 409 });

      const [firstTask] = approved.body.tasks;
      const done = await refusedThenAllowed(
        (who) => who.post(`/requests/${request.id}/tasks/${firstTask.id}/complete`),
        [[employee, 403, 'FORBIDDEN']],
        [specialist, 200],
      );
      expect(done.body.tasks[0]).toMatchObject({ state: 'done', completedById: specialist.id });
      const fulfilled = await refusedThenAllowed(
        (who) => who.post(`/requests/${request.id}/fulfil`),
        [
          [employee, 403, 'FORBIDDEN'],
          [approver, 403, 'FORBIDDEN'],
        ],
        [specialist, 200],
      );
      expect(fulfilled.body).toMatchObject({
        state: 'fulfilled',
        tasks: [{ state: 'done' }, { state: 'skipped' }, { state: 'skipped' }],
      });
      const closed = await refusedThenAllowed(
        (who) => who.post(`/requests/${request.id}/close`),
        [[otherEmployee, 404]],
        [employee, 200],
      );
      expect(closed.body).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
    });
  });
});

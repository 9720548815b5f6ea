import { ControllerTestApp, startControllerTestApp } from '@helpdesk/testing';
import { IncidentEscalationService } from '../incidents/incident-escalation.service';
import { IncidentsController } from '../incidents/incidents.controller';
import { IncidentsService } from '../incidents/incidents.service';
import { IncidentProblemController } from './incident-problem.controller';
import { IncidentProblemService } from './incident-problem.service';
import { ProblemResolutionService } from './problem-resolution.service';

const INCIDENT = '0190a000-0000-7000-8000-000000000001';
const PROBLEM = '0190a000-0000-7000-8000-0000000000aa';

/**
 * Only authentication, roles, validation and routing: the services are stubs. IncidentsController is mounted
 * first, as in the app, so a route of its that took `/incidents/problem-resolutions/confirm` would show here.
 */
describe('IncidentProblemController (auth, validation and routes)', () => {
  let t: ControllerTestApp;
  const links = {
    link: jest.fn(async () => ({ id: INCIDENT, version: 4 })),
    unlink: jest.fn(async () => ({ id: INCIDENT, version: 5 })),
  };
  const resolutions = { confirm: jest.fn(async () => ({ resolved: [], skipped: [] })) };
  const fromIncidentsController = jest.fn(async () => ({ id: 'from-incidents-controller', version: 1 }));
  const incidents = { act: fromIncidentsController, get: fromIncidentsController, update: fromIncidentsController };

  beforeAll(async () => {
    t = await startControllerTestApp({
      controllers: [IncidentsController, IncidentProblemController],
      providers: [
        { provide: IncidentsService, useValue: incidents },
        { provide: IncidentEscalationService, useValue: { escalate: fromIncidentsController } },
        { provide: IncidentProblemService, useValue: links },
        { provide: ProblemResolutionService, useValue: resolutions },
      ],
    });
  });
  afterAll(() => t.close());
  beforeEach(() => jest.clearAllMocks());

  const staff = ['agent', 'specialist', 'supervisor', 'problem_manager', 'admin'] as const;
  const others = ['employee', 'knowledge_manager', 'asset_manager'] as const;

  it('lets IT staff who work incidents link, unlink and confirm; 403 for everyone else, 401 anonymous', async () => {
    await t.http().post(`/incidents/${INCIDENT}/problem`).send({ problem: 'PRB0000007' }).expect(401);
    for (const role of others) {
      expect((await t.as([role]).post(`/incidents/${INCIDENT}/problem`, { problem: 'PRB0000007' })).status).toBe(403);
      expect((await t.as([role]).delete(`/incidents/${INCIDENT}/problem`)).status).toBe(403);
      expect((await t.as([role]).post('/incidents/problem-resolutions/confirm', { incidentIds: [INCIDENT] })).status).toBe(403);
    }
    for (const role of staff) {
      const linked = await t.as([role]).post(`/incidents/${INCIDENT}/problem`, { problem: 'PRB0000007' });
      expect(linked.status).toBe(200);
      expect(linked.headers.etag).toBe('"4"');
      expect((await t.as([role]).delete(`/incidents/${INCIDENT}/problem`)).headers.etag).toBe('"5"');
      expect((await t.as([role]).post('/incidents/problem-resolutions/confirm', { incidentIds: [INCIDENT] })).status).toBe(200);
    }
    expect(links.link).toHaveBeenCalledTimes(staff.length);
    expect(resolutions.confirm).toHaveBeenCalledTimes(staff.length);
  });

  it('passes the problem, the incident ref and the version (If-Match wins over the body)', async () => {
    await t.as(['agent']).post('/incidents/INC0000042/problem', { problem: PROBLEM, version: 3 });
    expect(links.link).toHaveBeenLastCalledWith(expect.objectContaining({ roles: ['agent'] }), 'INC0000042', PROBLEM, 3);
    await t.as(['agent']).post('/incidents/INC0000042/problem', { problem: 'prb0000007', version: 3 }, 7);
    expect(links.link).toHaveBeenLastCalledWith(expect.anything(), 'INC0000042', 'prb0000007', 7);
    await t.as(['agent']).delete('/incidents/INC0000042/problem');
    expect(links.unlink).toHaveBeenLastCalledWith(expect.anything(), 'INC0000042', undefined);
    await t
      .http()
      .delete('/incidents/INC0000042/problem')
      .set('Authorization', await t.bearer(['agent']))
      .set('If-Match', '"9"')
      .expect(200);
    expect(links.unlink).toHaveBeenLastCalledWith(expect.anything(), 'INC0000042', 9);
  });

  it.each([
    [{}, 'problem'],
    [{ problem: '' }, 'problem'],
    [{ problem: 'Problem ID 2' }, 'problem'],
    [{ problem: 'PRB7' }, 'problem'],
    [{ problem: 7 }, 'problem'],
    [{ problem: 'PRB0000007', version: 'x' }, 'version'],
    [{ problem: 'PRB0000007', extra: true }, 'extra'],
  ])('400 naming the field for a bad link body %j', async (body, field) => {
    const res = await t.as(['agent']).post(`/incidents/${INCIDENT}/problem`, body);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(links.link).not.toHaveBeenCalled();
  });

  it('routes POST /incidents/problem-resolutions/confirm to the bulk confirmation, with ids or numbers and notes', async () => {
    const res = await t.as(['agent']).post('/incidents/problem-resolutions/confirm', {
      incidentIds: [INCIDENT, 'INC0000042', 'inc0000043'],
      notes: '修正パッチ適用済み ✅\n再起動不要',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ resolved: [], skipped: [] });
    expect(fromIncidentsController).not.toHaveBeenCalled();
    expect(resolutions.confirm).toHaveBeenCalledWith(
      expect.objectContaining({ roles: ['agent'] }),
      [INCIDENT, 'INC0000042', 'inc0000043'],
      '修正パッチ適用済み ✅\n再起動不要',
    );
  });

  it.each([
    [{}, 'incidentIds'],
    [{ incidentIds: [] }, 'incidentIds'],
    [{ incidentIds: 'INC0000042' }, 'incidentIds'],
    [{ incidentIds: ['INC0000042', 'nope'] }, 'incidentIds'],
    [{ incidentIds: [42] }, 'incidentIds'],
    [{ incidentIds: Array.from({ length: 201 }, (_, i) => `INC${String(i + 1).padStart(7, '0')}`) }, 'incidentIds'],
    [{ incidentIds: ['INC0000042'], notes: 'a\u0000b' }, 'notes'],
    [{ incidentIds: ['INC0000042'], notes: 5 }, 'notes'],
    [{ incidentIds: ['INC0000042'], extra: 1 }, 'extra'],
  ])('400 naming the field for a bad confirmation body %#', async (body, field) => {
    const res = await t.as(['agent']).post('/incidents/problem-resolutions/confirm', body);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(resolutions.confirm).not.toHaveBeenCalled();
  });

  it('takes 200 incidents in one confirmation', async () => {
    const incidentIds = Array.from({ length: 200 }, (_, i) => `INC${String(i + 1).padStart(7, '0')}`);
    expect((await t.as(['supervisor']).post('/incidents/problem-resolutions/confirm', { incidentIds })).status).toBe(200);
  });
});

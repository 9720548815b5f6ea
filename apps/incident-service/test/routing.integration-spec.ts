import request from 'supertest';
import { DataSource } from 'typeorm';
import { CategoriesService } from '../src/categories/categories.service';
import { DirectoryCache } from '../src/directory/directory-cache';
import { DirectoryRepository } from '../src/directory/directory.repository';
import { RoutingRulesRepository } from '../src/routing/routing-rules.repository';
import { RoutingRulesService } from '../src/routing/routing-rules.service';
import { RoutingService } from '../src/routing/routing.service';
import { API, as, IncidentTestApp, startIncidentService } from './support/incident-test-app';

interface Detail {
  field: string;
  reason: string;
}
const fields = (body: { details?: Detail[] }) => (body.details ?? []).map((d) => d.field);

describe('routing rules and categories (real PostgreSQL and Kafka)', () => {
  let t: IncidentTestApp;
  let routing: RoutingService;

  beforeAll(async () => {
    t = await startIncidentService('routing');
    routing = t.app.get(RoutingService);
  });

  afterAll(async () => {
    await t?.close();
  });

  const people = () => t.directory.people;
  const groups = () => t.directory.groups;
  const route = (shortDescription: string, extra: Partial<Parameters<RoutingService['route']>[1]> = {}) =>
    t.dataSource.transaction((manager) =>
      routing.route(manager, {
        category: null,
        subcategory: null,
        shortDescription,
        description: '',
        channel: 'portal',
        callerDepartment: null,
        ...extra,
      }),
    );

  describe('categories', () => {
    it('are seeded as a two-level tree that every signed-in user can read, in Japanese and English', async () => {
      const res = await as(t, people().employee).get('/categories');
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      const codes = res.body.items.map((c: { code: string }) => c.code);
      expect(codes).toEqual(['hardware', 'software', 'network', 'account', 'email', 'phone', 'other']);
      const hardware = res.body.items[0];
      expect(hardware).toMatchObject({
        nameJa: 'ハードウェア',
        nameEn: 'Hardware',
        parentCode: null,
        firstLevelResolvable: false,
      });
      expect(hardware.subcategories.map((s: { code: string }) => s.code)).toEqual([
        'hardware.pc',
        'hardware.laptop',
        'hardware.printer',
        'hardware.monitor',
        'hardware.peripherals',
      ]);
      expect(hardware.subcategories.every((s: { firstLevelResolvable: boolean }) => !s.firstLevelResolvable)).toBe(true);
      const network = res.body.items.find((c: { code: string }) => c.code === 'network');
      expect(network.firstLevelResolvable).toBe(true);
      expect(network.subcategories.find((s: { code: string }) => s.code === 'network.wifi')).toMatchObject({
        parentCode: 'network',
        nameJa: '無線LAN（Wi-Fi）',
        nameEn: 'Wi-Fi',
        changedBy: 'incident-service:seed',
        version: 1,
      });
      const account = res.body.items.find((c: { code: string }) => c.code === 'account');
      expect(account.subcategories.map((s: { code: string }) => s.code)).toEqual([
        'account.password',
        'account.mfa',
        'account.login',
        'account.permission',
      ]);
    });

    it('pages top-level categories with a cursor', async () => {
      const first = await as(t, people().agent).get('/categories?limit=3');
      expect(first.body.items).toHaveLength(3);
      const second = await as(t, people().agent).get(`/categories?limit=3&cursor=${first.body.nextCursor}`);
      const third = await as(t, people().agent).get(`/categories?limit=3&cursor=${second.body.nextCursor}`);
      expect([...first.body.items, ...second.body.items, ...third.body.items].map((c: { code: string }) => c.code)).toEqual([
        'hardware',
        'software',
        'network',
        'account',
        'email',
        'phone',
        'other',
      ]);
      expect(third.body.nextCursor).toBeNull();
      const forged = await as(t, people().agent).get('/categories?cursor=eyJ4IjoxfQ');
      expect(forged.status).toBe(400);
      expect(fields(forged.body)).toEqual(['cursor']);
    });

    it('admins create, change and retire them; every change is in the history; others get 403', async () => {
      for (const who of [people().employee, people().agent, people().supervisor]) {
        expect(
          (await as(t, who).post('/categories', { code: 'network.proxy', nameJa: 'プロキシ', nameEn: 'Proxy' })).status,
        ).toBe(403);
      }
      const created = await as(t, people().admin).post('/categories', {
        code: 'network.proxy',
        nameJa: 'プロキシ 🛰️',
        nameEn: 'Proxy',
      });
      expect(created.status).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      expect(created.body).toMatchObject({
        code: 'network.proxy',
        parentCode: 'network',
        nameJa: 'プロキシ 🛰️',
        active: true,
        firstLevelResolvable: true,
        sortOrder: 50,
        changedBy: people().admin.id,
      });
      // A subcategory of hardware inherits "not resolvable at first level".
      const onSite = await as(t, people().admin).post('/categories', {
        code: 'hardware.onsite',
        nameJa: '訪問対応',
        nameEn: 'On-site visit',
      });
      expect(onSite.body.firstLevelResolvable).toBe(false);

      const duplicate = await as(t, people().admin).post('/categories', { code: 'network.proxy', nameJa: 'x', nameEn: 'x' });
      expect(duplicate.status).toBe(409);
      expect(fields(duplicate.body)).toEqual(['code']);
      const orphan = await as(t, people().admin).post('/categories', { code: 'facilities.desk', nameJa: '机', nameEn: 'Desk' });
      expect(orphan.status).toBe(400);
      expect(fields(orphan.body)).toEqual(['code']);

      const stale = await as(t, people().admin).patch('/categories/network.proxy', { active: false }, 7);
      expect(stale.status).toBe(409);
      const retired = await as(t, people().admin).patch('/categories/network.proxy', { active: false, nameEn: 'Web proxy' }, 1);
      expect(retired.status).toBe(200);
      expect(retired.body).toMatchObject({ active: false, nameEn: 'Web proxy', version: 2 });

      const asEmployee = await as(t, people().employee).get('/categories/network');
      expect(asEmployee.body.subcategories.map((s: { code: string }) => s.code)).not.toContain('network.proxy');
      expect((await as(t, people().employee).get('/categories/network.proxy')).status).toBe(404);
      const asAgent = await as(t, people().agent).get('/categories/network');
      expect(asAgent.body.subcategories.map((s: { code: string }) => s.code)).toContain('network.proxy');
      const retiredOnly = await as(t, people().agent).get('/categories?active=false');
      expect(retiredOnly.body.items).toEqual([]);

      const history = await as(t, people().supervisor).get('/categories/network.proxy/history');
      expect(history.status).toBe(200);
      expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['deactivated', 'created']);
      expect(history.body.items[0]).toMatchObject({
        actorId: people().admin.id,
        actorRole: 'admin',
        version: 2,
        changes: expect.arrayContaining([
          { field: 'nameEn', from: 'Proxy', to: 'Web proxy' },
          { field: 'active', from: true, to: false },
        ]),
      });
      expect((await as(t, people().employee).get('/categories/network.proxy/history')).status).toBe(403);
    });

    it('CategoriesService tells other modules which codes exist', async () => {
      const categories = t.app.get(CategoriesService);
      await expect(categories.unknownCodes(['network', 'network.vpn', 'nope', 'network.nope'])).resolves.toEqual([
        'nope',
        'network.nope',
      ]);
      expect((await categories.findByCode('Account.MFA'))?.nameJa).toBe('多要素認証（MFA）');
    });
  });

  describe('routing rules', () => {
    it('are seeded: keyword rules first, then category rules, targets resolved by name', async () => {
      const res = await as(t, people().agent).get('/routing-rules');
      expect(res.status).toBe(200);
      const summary = res.body.items.map(
        (r: { order: number; assignmentGroupName: string; assignmentGroup: { id: string } | null }) => [
          r.order,
          r.assignmentGroupName,
          r.assignmentGroup?.id,
        ],
      );
      expect(summary).toEqual([
        [100, 'Identity & Access', groups().identity],
        [200, 'Network', groups().network],
        [300, 'Desktop Support', groups().desktop],
        [1000, 'Network', groups().network],
        [1100, 'Identity & Access', groups().identity],
        [1200, 'Desktop Support', groups().desktop],
      ]);
      expect(res.body.items[0].conditions.keywords).toEqual(expect.arrayContaining(['パスワード', 'MFA', '多要素', 'login']));
      expect(res.body.items[3].conditions).toEqual({
        categories: ['network'],
        channels: [],
        callerDepartments: [],
        keywords: [],
      });
      // Seeding runs once: a second start finds the tables filled.
      await expect(t.app.get(RoutingRulesService).seedDefaults()).resolves.toBe(0);
      await expect(t.app.get(CategoriesService).seedDefaults()).resolves.toBe(0);
    });

    it('only agents, supervisors and admins read them; only admins change them', async () => {
      expect((await as(t, people().employee).get('/routing-rules')).status).toBe(403);
      expect((await as(t, people().supervisor).get('/routing-rules')).status).toBe(200);
      const body = { name: 'x', conditions: { keywords: ['x'] }, assignmentGroupId: groups().network };
      expect((await as(t, people().agent).post('/routing-rules', body)).status).toBe(403);
      expect((await as(t, people().employee).post('/routing-rules', body)).status).toBe(403);
      expect((await as(t, people().supervisor).post('/routing-rules', body)).status).toBe(403);
    });

    it.each([
      ['unknown group id', { assignmentGroupId: '00000000-0000-4000-8000-000000000000' }, 'assignmentGroupId'],
      ['unknown group name', { assignmentGroupName: 'Facilities' }, 'assignmentGroupName'],
      [
        'both targets',
        { assignmentGroupName: 'Network', assignmentGroupId: '00000000-0000-4000-8000-000000000000' },
        'assignmentGroupName',
      ],
      ['no target', {}, 'assignmentGroupId'],
      ['empty rule', { assignmentGroupName: 'Network', conditions: {} }, 'conditions'],
      ['cleared lists only', { assignmentGroupName: 'Network', conditions: { keywords: [], channels: null } }, 'conditions'],
      ['bad channel', { assignmentGroupName: 'Network', conditions: { channels: ['fax'] } }, 'conditions.channels'],
      [
        'unknown category',
        { assignmentGroupName: 'Network', conditions: { categories: ['network', 'garden'] } },
        'conditions.categories',
      ],
    ])('POST with %s → 400 naming the field, nothing written', async (_label, extra, field) => {
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM routing_rule`);
      const res = await as(t, people().admin).post('/routing-rules', { name: 'Bad', conditions: { keywords: ['x'] }, ...extra });
      expect(res.status).toBe(400);
      expect(fields(res.body)).toEqual([field]);
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM routing_rule`)).toEqual(before);
    });

    it('admin CRUD with optimistic locking and a history that outlives the rule', async () => {
      const created = await as(t, people().admin).post('/routing-rules', {
        name: '経費精算システム 💴 → Identity & Access',
        order: 50,
        conditions: { keywords: ['経費精算', 'Expense'], channels: ['portal', 'email'], callerDepartments: ['営業部'] },
        assignmentGroupId: groups().identity,
      });
      expect(created.status).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      const id = created.body.id;
      expect(created.body).toMatchObject({
        name: '経費精算システム 💴 → Identity & Access',
        order: 50,
        active: true,
        assignmentGroupId: groups().identity,
        assignmentGroupName: null,
        assignmentGroup: { id: groups().identity, name: 'Identity & Access', tier: 2, active: true },
        changedBy: people().admin.id,
        version: 1,
      });
      const read = await as(t, people().agent).get(`/routing-rules/${id}`);
      expect(read.body.conditions).toEqual({
        categories: [],
        channels: ['portal', 'email'],
        callerDepartments: ['営業部'],
        keywords: ['経費精算', 'Expense'],
      });

      const stale = await as(t, people().admin).patch(`/routing-rules/${id}`, { order: 60, version: 5 });
      expect(stale.status).toBe(409);
      expect(fields(stale.body)).toEqual(['version']);
      const changed = await as(t, people().admin).patch(
        `/routing-rules/${id}`,
        { conditions: { channels: null, categories: ['software'] }, assignmentGroupName: 'Desktop Support' },
        1,
      );
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).toBe('"2"');
      expect(changed.body).toMatchObject({
        conditions: { categories: ['software'], channels: [], callerDepartments: ['営業部'], keywords: ['経費精算', 'Expense'] },
        assignmentGroupId: null,
        assignmentGroupName: 'Desktop Support',
        assignmentGroup: { id: groups().desktop },
        version: 2,
      });
      const emptied = await as(t, people().admin).patch(`/routing-rules/${id}`, {
        conditions: { categories: [], callerDepartments: [], keywords: [] },
      });
      expect(emptied.status).toBe(400);
      expect(fields(emptied.body)).toEqual(['conditions']);
      const noop = await as(t, people().admin).patch(`/routing-rules/${id}`, { order: 50 });
      expect(noop.body.version).toBe(2);

      expect((await as(t, people().agent).delete(`/routing-rules/${id}`)).status).toBe(403);
      const admin = await t.bearer(people().admin);
      const staleDelete = await request(t.http)
        .delete(`${API}/routing-rules/${id}`)
        .set('Authorization', admin)
        .set('If-Match', '"1"');
      expect(staleDelete.status).toBe(409);
      const deleted = await request(t.http)
        .delete(`${API}/routing-rules/${id}`)
        .set('Authorization', admin)
        .set('If-Match', '"2"');
      expect(deleted.status).toBe(204);
      expect((await as(t, people().agent).get(`/routing-rules/${id}`)).status).toBe(404);
      expect((await as(t, people().admin).patch(`/routing-rules/${id}`, { active: false })).status).toBe(404);

      const history = await as(t, people().supervisor).get(`/routing-rules/${id}/history`);
      expect(history.status).toBe(200);
      expect(history.body.items.map((h: { action: string; version: number }) => [h.action, h.version])).toEqual([
        ['deleted', 3],
        ['updated', 2],
        ['created', 1],
      ]);
      expect(history.body.items[1].changes).toEqual(
        expect.arrayContaining([
          { field: 'categories', from: [], to: ['software'] },
          { field: 'channels', from: ['portal', 'email'], to: [] },
          { field: 'assignmentGroupId', from: groups().identity, to: null },
          { field: 'assignmentGroupName', from: null, to: 'Desktop Support' },
        ]),
      );
      expect(history.body.items[1]).toMatchObject({ actorId: people().admin.id, actorRole: 'admin' });
      expect((await as(t, people().agent).get(`/routing-rules/00000000-0000-4000-8000-000000000000/history`)).status).toBe(404);
    });
  });

  describe('routing', () => {
    it.each([
      ['VPNに繋がらない', 'network'],
      ['パスワードを忘れました', 'identity'],
      ['PCが起動しない', 'desktop'],
      ['ＰＣが起動しない（電源が入らない）', 'desktop'],
      ['ﾌﾟﾘﾝﾀｰで印刷できない', 'desktop'],
      ['MFA code never arrives', 'identity'],
      ['Excel crashes', 'serviceDesk'],
    ] as const)('RoutingService.route: %s → %s', async (text, group) => {
      const decision = await route(text);
      expect(decision.groupId).toBe(groups()[group]);
      if (group === 'serviceDesk') expect(decision).toMatchObject({ groupName: 'Service Desk', ruleId: null, ruleName: null });
      else expect(decision.ruleName).toEqual(expect.any(String));
    });

    it('routes by category (and subcategory) when no keyword decides', async () => {
      expect((await route('Slow', { category: 'network', subcategory: 'wired' })).groupId).toBe(groups().network);
      expect((await route('Slow', { category: 'network', subcategory: 'network.wired' })).groupId).toBe(groups().network);
      expect((await route('Need a new mouse', { category: 'hardware', subcategory: 'peripherals' })).groupId).toBe(
        groups().desktop,
      );
      expect((await route('Need access to the share', { category: 'account' })).groupId).toBe(groups().identity);
      expect((await route('Excel crashes', { category: 'software', subcategory: 'office' })).groupId).toBe(groups().serviceDesk);
    });

    it('skips a rule whose group became inactive (identity event), then routes again once it is back', async () => {
      const directory = t.app.get(DirectoryRepository);
      const network = (await directory.findGroup(groups().network))!;
      // As the identity consumer applies a group event: the row, then this replica's display cache.
      const setActive = async (active: boolean) => {
        await t.dataSource.transaction((m) => directory.upsertGroup(m, { ...network, active }, new Date()));
        t.app.get(DirectoryCache).forget(network.id);
      };
      await setActive(false);
      try {
        expect(await route('VPNに繋がらない')).toMatchObject({ groupId: groups().serviceDesk, ruleId: null });
        // The category rule for network points at the same inactive group: still the service desk.
        expect((await route('VPN', { category: 'network' })).groupId).toBe(groups().serviceDesk);
      } finally {
        await setActive(true);
      }
      expect((await route('VPNに繋がらない')).groupId).toBe(groups().network);
    });

    it('a rule edited through the API takes effect at once on this replica', async () => {
      expect((await route('経費精算の承認ができない')).groupId).toBe(groups().serviceDesk);
      const created = await as(t, people().admin).post('/routing-rules', {
        name: 'Expenses → Identity & Access',
        order: 10,
        conditions: { keywords: ['経費精算'] },
        assignmentGroupName: 'identity & access',
      });
      expect(created.status).toBe(201);
      expect(await route('経費精算の承認ができない')).toMatchObject({ groupId: groups().identity, ruleId: created.body.id });
      const retired = await as(t, people().admin).patch(`/routing-rules/${created.body.id}`, { active: false }, 1);
      expect(retired.status).toBe(200);
      expect((await route('経費精算の承認ができない')).groupId).toBe(groups().serviceDesk);
      const simulated = await as(t, people().agent).post('/routing-rules/simulate', {
        shortDescription: 'ＶＰＮが切れる',
        channel: 'chat',
      });
      expect(simulated.status).toBe(200);
      expect(simulated.body).toMatchObject({ groupId: groups().network, groupName: 'Network' });
    });

    it('reads the rule list once per cache period however many incidents are routed', async () => {
      const repo = t.app.get(RoutingRulesRepository);
      const spy = jest.spyOn(repo, 'listActive');
      routing.invalidate();
      try {
        const started = Date.now();
        const ds = t.app.get(DataSource);
        for (let i = 0; i < 300; i++) {
          await routing.route(ds.manager, {
            category: null,
            subcategory: null,
            shortDescription: i % 2 ? 'VPNに繋がらない' : 'Excel crashes',
            description: 'x'.repeat(500),
            channel: 'portal',
            callerDepartment: '営業部',
          });
        }
        const elapsed = Date.now() - started;
        expect(spy).toHaveBeenCalledTimes(1);
        // Not a benchmark: a guard against a per-call rule load or a pathological matcher.
        expect(elapsed).toBeLessThan(15_000);
      } finally {
        spy.mockRestore();
      }
    });

    it('POST /incidents assigns the group that routing chose', async () => {
      const open = async (body: object) => {
        const res = await as(t, people().employee).post('/incidents', body);
        expect(res.status).toBe(201);
        return res.body as { assignmentGroup: { id: string } | null };
      };
      expect((await open({ shortDescription: 'VPNに繋がらない' })).assignmentGroup?.id).toBe(groups().network);
      expect((await open({ shortDescription: 'パスワードを忘れました' })).assignmentGroup?.id).toBe(groups().identity);
      expect((await open({ shortDescription: 'PCが起動しない' })).assignmentGroup?.id).toBe(groups().desktop);
      expect((await open({ shortDescription: 'Excel crashes' })).assignmentGroup?.id).toBe(groups().serviceDesk);
      expect(
        (await open({ shortDescription: 'モニターがちらつく', category: 'hardware', subcategory: 'hardware.monitor' }))
          .assignmentGroup?.id,
      ).toBe(groups().desktop);
    });
  });
});

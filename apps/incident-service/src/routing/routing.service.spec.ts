import { EntityManager } from 'typeorm';
import { IncidentConfig } from '../config/incident.config';
import { DirectoryCache } from '../directory/directory-cache';
import { DirectoryRepository } from '../directory/directory.repository';
import { DirectoryGroupEntity } from '../directory/entities/directory-group.entity';
import { RoutingRuleEntity } from './entities/routing-rule.entity';
import { RoutingRulesRepository } from './routing-rules.repository';
import { RULE_CACHE_TTL_MS, RoutingService } from './routing.service';

const manager = {} as EntityManager;

function group(id: string, name: string, tier: number, active = true): DirectoryGroupEntity {
  return Object.assign(new DirectoryGroupEntity(), {
    id,
    name,
    nameJa: null,
    tier,
    supervisorId: null,
    memberIds: [],
    active,
    source: 'identity',
  });
}

function rule(id: string, order: number, partial: Partial<RoutingRuleEntity>): RoutingRuleEntity {
  return Object.assign(new RoutingRuleEntity(), {
    id,
    name: `rule ${id}`,
    order,
    active: true,
    categories: [],
    channels: [],
    callerDepartments: [],
    keywords: [],
    assignmentGroupId: null,
    assignmentGroupName: null,
    ...partial,
  });
}

/** A directory copy in memory, with the lookups RoutingService uses. */
class FakeDirectory {
  groups: DirectoryGroupEntity[] = [];
  findGroup = jest.fn(async (id: string) => this.groups.find((g) => g.id === id) ?? null);
  findGroupByName = jest.fn(
    async (name: string) =>
      [...this.groups]
        .sort((a, b) => Number(b.active) - Number(a.active))
        .find((g) => g.name.toLowerCase() === name.toLowerCase()) ?? null,
  );
  listGroups = jest.fn(async () => [...this.groups].sort((a, b) => a.tier - b.tier || a.name.localeCompare(b.name)));
}

const incident = (shortDescription: string, extra: Partial<Parameters<RoutingService['route']>[1]> = {}) => ({
  category: null,
  subcategory: null,
  shortDescription,
  description: '',
  channel: 'portal',
  callerDepartment: null,
  ...extra,
});

describe('RoutingService', () => {
  let rules: RoutingRuleEntity[];
  let repo: { listActive: jest.Mock };
  let directory: FakeDirectory;
  let config: IncidentConfig;
  let service: RoutingService;

  beforeEach(() => {
    rules = [];
    repo = { listActive: jest.fn(async () => rules.filter((r) => r.active)) };
    directory = new FakeDirectory();
    directory.groups = [
      group('g-desk', 'Service Desk', 1),
      group('g-net', 'Network', 2),
      group('g-id', 'Identity & Access', 2),
      group('g-desktop', 'Desktop Support', 2),
    ];
    config = Object.assign(new IncidentConfig(), { SERVICE_DESK_GROUP_NAME: 'Service Desk' });
    service = new RoutingService(
      repo as unknown as RoutingRulesRepository,
      directory as unknown as DirectoryRepository,
      config,
      new DirectoryCache(directory as unknown as DirectoryRepository, 0),
    );
  });
  afterEach(() => jest.restoreAllMocks());

  it('the first matching rule (lowest order) wins, by group id or by name', async () => {
    rules = [
      rule('r2', 200, { keywords: ['vpn'], assignmentGroupName: 'network' }),
      rule('r1', 100, { keywords: ['vpn'], assignmentGroupId: 'g-id' }),
    ];
    await expect(service.route(manager, incident('VPNに繋がらない'))).resolves.toEqual({
      groupId: 'g-id',
      groupName: 'Identity & Access',
      ruleId: 'r1',
      ruleName: 'rule r1',
    });
    expect(directory.findGroup).toHaveBeenCalledWith('g-id', manager);
  });

  it('skips a match whose group is inactive or unknown and takes the next one', async () => {
    directory.groups.find((g) => g.id === 'g-id')!.active = false;
    rules = [
      rule('r1', 100, { keywords: ['vpn'], assignmentGroupId: 'g-id' }),
      rule('r2', 150, { keywords: ['vpn'], assignmentGroupName: 'No Such Group' }),
      rule('r3', 200, { keywords: ['vpn'], assignmentGroupName: 'Network' }),
    ];
    await expect(service.route(manager, incident('vpn'))).resolves.toMatchObject({ groupId: 'g-net', ruleId: 'r3' });
  });

  it('falls back to the service desk by its configured name', async () => {
    rules = [rule('r1', 100, { keywords: ['vpn'], assignmentGroupName: 'Network' })];
    await expect(service.route(manager, incident('Excel crashes'))).resolves.toEqual({
      groupId: 'g-desk',
      groupName: 'Service Desk',
      ruleId: null,
      ruleName: null,
    });
    config.SERVICE_DESK_GROUP_NAME = 'ヘルプデスク';
    directory.groups.push(group('g-help', 'ヘルプデスク', 1));
    await expect(service.route(manager, incident('Excel crashes'))).resolves.toMatchObject({ groupId: 'g-help' });
  });

  it('then to any active tier 1 group, then to none', async () => {
    directory.groups = [group('g-desk', 'Service Desk', 1, false), group('g-t1', 'Tier One', 1), group('g-net', 'Network', 2)];
    await expect(service.route(manager, incident('anything'))).resolves.toMatchObject({ groupId: 'g-t1', groupName: 'Tier One' });
    directory.groups = [group('g-net', 'Network', 2)];
    await expect(service.route(manager, incident('anything'))).resolves.toEqual({
      groupId: null,
      groupName: null,
      ruleId: null,
      ruleName: null,
    });
  });

  it('falls back when every matching rule points nowhere', async () => {
    rules = [rule('r1', 100, { keywords: ['vpn'], assignmentGroupName: 'Gone' })];
    await expect(service.route(manager, incident('vpn'))).resolves.toMatchObject({ groupId: 'g-desk', ruleId: null });
  });

  it('loads the rules once per cache period, through the caller’s manager', async () => {
    let now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    rules = [rule('r1', 100, { keywords: ['vpn'], assignmentGroupName: 'Network' })];
    for (let i = 0; i < 50; i++) await service.route(manager, incident('vpn'));
    expect(repo.listActive).toHaveBeenCalledTimes(1);
    expect(repo.listActive).toHaveBeenCalledWith(manager);
    now += RULE_CACHE_TTL_MS - 1;
    await service.route(manager, incident('vpn'));
    expect(repo.listActive).toHaveBeenCalledTimes(1);
    now += 1;
    await service.route(manager, incident('vpn'));
    expect(repo.listActive).toHaveBeenCalledTimes(2);
  });

  it('sees a local edit at once after invalidate()', async () => {
    rules = [rule('r1', 100, { keywords: ['vpn'], assignmentGroupName: 'Network' })];
    await expect(service.route(manager, incident('vpn'))).resolves.toMatchObject({ groupId: 'g-net' });
    rules = [rule('r1', 100, { keywords: ['vpn'], assignmentGroupName: 'Desktop Support' })];
    await expect(service.route(manager, incident('vpn'))).resolves.toMatchObject({ groupId: 'g-net' });
    service.invalidate();
    await expect(service.route(manager, incident('vpn'))).resolves.toMatchObject({ groupId: 'g-desktop' });
  });

  it('does not cache a rule list loaded before an edit that committed meanwhile', async () => {
    rules = [rule('r1', 100, { keywords: ['vpn'], assignmentGroupName: 'Network' })];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const stale = rules;
    repo.listActive.mockImplementationOnce(async () => {
      await gate;
      return stale;
    });
    const inFlight = service.route(manager, incident('vpn'));
    rules = [rule('r1', 100, { keywords: ['vpn'], assignmentGroupName: 'Desktop Support' })];
    service.invalidate();
    release();
    await expect(inFlight).resolves.toMatchObject({ groupId: 'g-net' });
    await expect(service.route(manager, incident('vpn'))).resolves.toMatchObject({ groupId: 'g-desktop' });
  });

  it('ignores retired rules', async () => {
    rules = [rule('r1', 100, { keywords: ['vpn'], assignmentGroupName: 'Network', active: false })];
    await expect(service.route(manager, incident('vpn'))).resolves.toMatchObject({ groupId: 'g-desk', ruleId: null });
  });
});

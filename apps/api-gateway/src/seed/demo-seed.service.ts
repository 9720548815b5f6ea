import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { ConfigValidationError } from '@helpdesk/config';
import { DataSource } from 'typeorm';
import { SEED_ACTOR } from '../audit/actor';
import { GatewayConfig } from '../config/gateway.config';
import { GroupsService } from '../groups/groups.service';
import { UsersService } from '../users/users.service';
import { DEMO_GROUPS, DEMO_PEOPLE, DemoGroup, DemoPerson } from './demo-directory';
import { formatDemoLogins } from './demo-logins';

/** Any constant: only one gateway replica seeds at a time. */
const SEED_LOCK_KEY = 7_310_042;

export interface SeedSummary {
  usersCreated: number;
  groupsCreated: number;
}

/**
 * The demo company (SEED_DEMO=true, never in production): groups and one login per role, created
 * through the same services as the API (so audit rows and identity events are written). Idempotent:
 * what exists is left alone.
 */
@Injectable()
export class DemoSeedService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly config: GatewayConfig,
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly groups: GroupsService,
  ) {}

  onModuleInit() {
    if (this.config.SEED_DEMO && this.config.isProduction) {
      throw new ConfigValidationError('GatewayConfig', [
        { variable: 'SEED_DEMO', reason: 'must not be true in production: it creates demo accounts with a known password' },
      ]);
    }
  }

  async onApplicationBootstrap() {
    if (!this.config.SEED_DEMO) return;
    const summary = await this.seed();
    this.logger.log(`Demo seed: ${summary.usersCreated} user(s) and ${summary.groupsCreated} group(s) created`);
    this.logger.log(formatDemoLogins(this.config.DEMO_PASSWORD));
  }

  async seed(): Promise<SeedSummary> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY]);
      const ids = new Map<string, string>();
      let usersCreated = 0;
      for (const person of DEMO_PEOPLE) {
        const existing = await this.users.findByEmail(person.email);
        if (existing) {
          ids.set(person.email, existing.id);
          continue;
        }
        const created = await this.users.create(this.userInput(person, ids), SEED_ACTOR);
        ids.set(person.email, created.id);
        usersCreated++;
      }
      let groupsCreated = 0;
      for (const group of DEMO_GROUPS) {
        if (await this.groups.findByName(group.name)) continue;
        await this.groups.create(this.groupInput(group, ids), SEED_ACTOR);
        groupsCreated++;
      }
      return { usersCreated, groupsCreated };
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK_KEY]).catch(() => undefined);
      await runner.release();
    }
  }

  private userInput(person: DemoPerson, ids: Map<string, string>) {
    return {
      email: person.email,
      displayNameJa: person.displayNameJa,
      displayNameEn: person.displayNameEn,
      department: person.department,
      managerId: person.managerEmail ? ids.get(person.managerEmail) : undefined,
      phone: person.phone,
      locale: person.locale,
      timeZone: 'Asia/Tokyo',
      roles: person.roles,
      password: this.config.DEMO_PASSWORD,
    };
  }

  private groupInput(group: DemoGroup, ids: Map<string, string>) {
    return {
      name: group.name,
      nameJa: group.nameJa,
      description: group.description,
      tier: group.tier,
      supervisorId: ids.get(group.supervisorEmail),
      memberIds: group.memberEmails.map((e) => ids.get(e)).filter((id): id is string => id !== undefined),
    };
  }
}

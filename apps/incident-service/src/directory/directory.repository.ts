import { Injectable } from '@nestjs/common';
import { GroupSnapshot, UserSnapshot } from '@helpdesk/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { DirectoryGroupEntity } from './entities/directory-group.entity';
import { DirectoryUserEntity } from './entities/directory-user.entity';

/** The only code that touches the directory copy tables. */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  private users(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(DirectoryUserEntity);
  }

  private groups(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(DirectoryGroupEntity);
  }

  async upsertUser(manager: EntityManager, user: UserSnapshot, at: Date): Promise<void> {
    await this.users(manager).upsert(
      {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        displayNameJa: user.displayNameJa,
        displayNameEn: user.displayNameEn,
        department: user.department,
        managerId: user.managerId,
        locale: user.locale,
        timeZone: user.timeZone,
        roles: user.roles,
        active: user.active,
        source: 'identity',
        updatedAt: at,
      },
      ['id'],
    );
  }

  async upsertGroup(manager: EntityManager, group: GroupSnapshot, at: Date): Promise<void> {
    await this.groups(manager).upsert(
      {
        id: group.id,
        name: group.name,
        nameJa: group.nameJa,
        tier: group.tier,
        supervisorId: group.supervisorId,
        memberIds: group.memberIds,
        active: group.active,
        source: 'identity',
        updatedAt: at,
      },
      ['id'],
    );
  }

  /** Inserts people or groups found by an import unless they exist already. */
  async ensureUser(manager: EntityManager, user: Pick<DirectoryUserEntity, 'id' | 'displayName' | 'source'>) {
    await this.users(manager)
      .createQueryBuilder()
      .insert()
      .values({ ...user, roles: [] })
      .orIgnore()
      .execute();
  }

  async ensureGroup(manager: EntityManager, group: Pick<DirectoryGroupEntity, 'id' | 'name' | 'tier' | 'source'>) {
    await this.groups(manager).createQueryBuilder().insert().values(group).orIgnore().execute();
  }

  findUser(id: string, manager?: EntityManager): Promise<DirectoryUserEntity | null> {
    return this.users(manager).findOneBy({ id });
  }

  findUsers(ids: string[], manager?: EntityManager): Promise<DirectoryUserEntity[]> {
    return ids.length ? this.users(manager).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findGroup(id: string, manager?: EntityManager): Promise<DirectoryGroupEntity | null> {
    return this.groups(manager).findOneBy({ id });
  }

  findGroups(ids: string[], manager?: EntityManager): Promise<DirectoryGroupEntity[]> {
    return ids.length ? this.groups(manager).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findGroupByName(name: string, manager?: EntityManager): Promise<DirectoryGroupEntity | null> {
    return this.groups(manager)
      .createQueryBuilder('g')
      .where('lower(g.name) = lower(:name)', { name })
      .orderBy('g.active', 'DESC')
      .addOrderBy("g.source = 'identity'", 'DESC')
      .getOne();
  }

  /** Active groups with this user as a member or supervisor. */
  groupsOfUser(userId: string, manager?: EntityManager): Promise<DirectoryGroupEntity[]> {
    return this.groups(manager)
      .createQueryBuilder('g')
      .where('g.active AND (:userId = ANY(g.member_ids) OR g.supervisor_id = :userId)', { userId })
      .getMany();
  }

  listGroups(manager?: EntityManager): Promise<DirectoryGroupEntity[]> {
    return this.groups(manager).find({ order: { tier: 'ASC', name: 'ASC' } });
  }
}

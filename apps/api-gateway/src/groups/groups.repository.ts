import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { compactSearchText, isUuid, likePattern } from '../users/users.repository';
import { GroupMemberEntity } from './entities/group-member.entity';
import { GroupEntity } from './entities/group.entity';

export interface GroupFilter {
  tier?: number;
  active?: boolean;
  memberId?: string;
  q?: string;
  after?: { name: string; id: string };
  limit: number;
}

/** The only code that touches groups and group_members. */
@Injectable()
export class GroupsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async findById(id: string, manager?: EntityManager, lock = false): Promise<GroupEntity | null> {
    if (!isUuid(id)) return null;
    return this.manager(manager)
      .getRepository(GroupEntity)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  findByName(name: string, manager?: EntityManager): Promise<GroupEntity | null> {
    return this.manager(manager)
      .getRepository(GroupEntity)
      .createQueryBuilder('g')
      .where('lower(g.name) = lower(:name)', { name })
      .getOne();
  }

  async insert(group: GroupEntity, manager: EntityManager): Promise<void> {
    await manager.getRepository(GroupEntity).insert(group);
  }

  save(group: GroupEntity, manager: EntityManager): Promise<GroupEntity> {
    return manager.getRepository(GroupEntity).save(group);
  }

  /** Member ids of one group, in a stable order. */
  async memberIds(groupId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await this.manager(manager)
      .getRepository(GroupMemberEntity)
      .find({ where: { groupId }, order: { userId: 'ASC' } });
    return rows.map((r) => r.userId);
  }

  /** Member ids of several groups at once (one query for a page of groups). */
  async memberIdsByGroup(groupIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(groupIds.map((id) => [id, []]));
    if (groupIds.length === 0) return result;
    const rows = await this.dataSource
      .getRepository(GroupMemberEntity)
      .createQueryBuilder('m')
      .where('m.group_id IN (:...groupIds)', { groupIds })
      .orderBy('m.user_id', 'ASC')
      .getMany();
    for (const row of rows) result.get(row.groupId)?.push(row.userId);
    return result;
  }

  /** Replaces the member list: removes who left, adds who joined (keeping join times of the rest). */
  async replaceMembers(groupId: string, userIds: string[], manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(GroupMemberEntity);
    const qb = repo.createQueryBuilder().delete().where('group_id = :groupId', { groupId });
    if (userIds.length > 0) qb.andWhere('user_id NOT IN (:...userIds)', { userIds });
    await qb.execute();
    if (userIds.length > 0) {
      const now = new Date();
      await repo
        .createQueryBuilder()
        .insert()
        .values(userIds.map((userId) => ({ groupId, userId, addedAt: now })))
        .orIgnore()
        .execute();
    }
  }

  /** The active groups a user belongs to (for tokens and /me). */
  activeGroupsOfUser(userId: string, manager?: EntityManager): Promise<GroupEntity[]> {
    return this.manager(manager)
      .getRepository(GroupEntity)
      .createQueryBuilder('g')
      .innerJoin(GroupMemberEntity, 'm', 'm.group_id = g.id')
      .where('m.user_id = :userId', { userId })
      .andWhere('g.active = true')
      .orderBy('g.tier', 'ASC')
      .addOrderBy('g.name', 'ASC')
      .getMany();
  }

  /** Sorted by name then id; fetches limit + 1 rows. */
  find(filter: GroupFilter): Promise<GroupEntity[]> {
    const qb = this.dataSource.getRepository(GroupEntity).createQueryBuilder('g');
    if (filter.tier !== undefined) qb.andWhere('g.tier = :tier', { tier: filter.tier });
    if (filter.active !== undefined) qb.andWhere('g.active = :active', { active: filter.active });
    if (filter.memberId) {
      qb.andWhere('EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = g.id AND gm.user_id = :memberId)', {
        memberId: filter.memberId,
      });
    }
    if (filter.q) {
      qb.andWhere(
        `regexp_replace(normalize(g.name || ' ' || coalesce(g.name_ja, ''), NFKC), '[[:space:]　]+', '', 'g') ILIKE :q`,
        { q: likePattern(compactSearchText(filter.q)) },
      );
    }
    if (filter.after)
      qb.andWhere('(g.name, g.id) > (:afterName, :afterId)', { afterName: filter.after.name, afterId: filter.after.id });
    return qb
      .orderBy('g.name', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .limit(filter.limit + 1)
      .getMany();
  }
}

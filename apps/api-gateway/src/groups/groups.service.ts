import { runInTransaction } from '@helpdesk/database';
import { Injectable } from '@nestjs/common';
import { decodeCursor, Page, toPage } from '@helpdesk/service-runtime';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Actor } from '../audit/actor';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { diffFields } from '../audit/field-changes';
import { IdentityEventsPublisher } from '../identity-events/identity-events.publisher';
import { IdentityErrorCode, IdentityException } from '../users/identity.exception';
import { UsersRepository } from '../users/users.repository';
import { CreateGroupDto } from './dto/create-group.dto';
import { GroupDto } from './dto/group.dto';
import { ListGroupsQueryDto } from './dto/list-groups.query.dto';
import { UpdateGroupDto } from './dto/update-group.dto';
import { GroupEntity } from './entities/group.entity';
import { toGroupDto, toGroupSnapshot } from './group.mapper';
import { GroupsRepository } from './groups.repository';

const AUDITED_FIELDS = [
  'name',
  'nameJa',
  'description',
  'tier',
  'supervisorId',
  'active',
] as const satisfies readonly (keyof GroupEntity)[];
const DEFAULT_PAGE = 50;

export interface GroupWithMembers {
  group: GroupEntity;
  memberIds: string[];
}

/** Assignment groups: every change is audited and published (identity.group.*) in its own transaction. */
@Injectable()
export class GroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly events: IdentityEventsPublisher,
  ) {}

  create(dto: CreateGroupDto, actor: Actor): Promise<GroupWithMembers> {
    return this.inTransaction(async (manager) => {
      if (await this.groups.findByName(dto.name, manager)) throw IdentityException.groupNameTaken();
      if (dto.supervisorId)
        await this.requireUsers([dto.supervisorId], 'supervisorId', IdentityErrorCode.SupervisorNotFound, manager);
      const memberIds = [...new Set(dto.memberIds ?? [])].sort();
      await this.requireUsers(memberIds, 'memberIds', IdentityErrorCode.MemberNotFound, manager);
      const now = new Date();
      const group = Object.assign(new GroupEntity(), {
        id: uuidv7(),
        name: dto.name,
        nameJa: dto.nameJa ?? null,
        description: dto.description ?? null,
        tier: dto.tier,
        supervisorId: dto.supervisorId ?? null,
        active: dto.active ?? true,
        createdAt: now,
        updatedAt: now,
        version: 1,
      } satisfies GroupEntity);
      await this.groups.insert(group, manager);
      await this.groups.replaceMembers(group.id, memberIds, manager);
      const changes = diffFields<GroupEntity>(null, group, AUDITED_FIELDS);
      if (memberIds.length > 0) changes.push({ field: 'memberIds', from: [], to: memberIds });
      await this.audit.record(manager, {
        action: AuditAction.GroupCreated,
        actor,
        entityType: 'group',
        entityId: group.id,
        changes,
      });
      await this.events.group(manager, 'created', toGroupSnapshot(group, memberIds), actor);
      return { group, memberIds };
    });
  }

  update(id: string, dto: UpdateGroupDto, expectedVersion: number | undefined, actor: Actor): Promise<GroupWithMembers> {
    return this.inTransaction(async (manager) => {
      const group = await this.lockCurrent(id, expectedVersion, manager);
      const before = { ...group };
      if (dto.name !== undefined && dto.name !== group.name) {
        const other = await this.groups.findByName(dto.name, manager);
        if (other && other.id !== group.id) throw IdentityException.groupNameTaken();
        group.name = dto.name;
      }
      if (dto.nameJa !== undefined) group.nameJa = dto.nameJa;
      if (dto.description !== undefined) group.description = dto.description;
      if (dto.tier !== undefined) group.tier = dto.tier;
      if (dto.supervisorId !== undefined) {
        if (dto.supervisorId !== null)
          await this.requireUsers([dto.supervisorId], 'supervisorId', IdentityErrorCode.SupervisorNotFound, manager);
        group.supervisorId = dto.supervisorId;
      }
      if (dto.active !== undefined) group.active = dto.active;
      const memberIds = await this.groups.memberIds(group.id, manager);
      const changes = diffFields<GroupEntity>(before, group, AUDITED_FIELDS);
      if (changes.length === 0) return { group, memberIds };
      group.version = before.version + 1;
      group.updatedAt = new Date();
      await this.groups.save(group, manager);
      const deactivated = before.active && !group.active;
      await this.audit.record(manager, {
        action: deactivated ? AuditAction.GroupDeactivated : AuditAction.GroupUpdated,
        actor,
        entityType: 'group',
        entityId: group.id,
        changes,
      });
      await this.events.group(manager, 'updated', toGroupSnapshot(group, memberIds), actor);
      return { group, memberIds };
    });
  }

  /** Replaces the member list (PUT semantics); audited as added/removed, published as members-changed. */
  replaceMembers(id: string, requested: string[], expectedVersion: number | undefined, actor: Actor): Promise<GroupWithMembers> {
    return this.inTransaction(async (manager) => {
      const group = await this.lockCurrent(id, expectedVersion, manager);
      const memberIds = [...new Set(requested)].sort();
      await this.requireUsers(memberIds, 'memberIds', IdentityErrorCode.MemberNotFound, manager);
      const previous = await this.groups.memberIds(group.id, manager);
      const added = memberIds.filter((m) => !previous.includes(m));
      const removed = previous.filter((m) => !memberIds.includes(m));
      if (added.length === 0 && removed.length === 0) return { group, memberIds: previous };
      await this.groups.replaceMembers(group.id, memberIds, manager);
      group.version += 1;
      group.updatedAt = new Date();
      await this.groups.save(group, manager);
      await this.audit.record(manager, {
        action: AuditAction.GroupMembersChanged,
        actor,
        entityType: 'group',
        entityId: group.id,
        changes: [{ field: 'memberIds', from: previous, to: memberIds }],
        context: { added, removed },
      });
      await this.events.group(manager, 'members-changed', toGroupSnapshot(group, memberIds), actor);
      return { group, memberIds };
    });
  }

  async get(id: string): Promise<GroupWithMembers> {
    const group = await this.groups.findById(id);
    if (!group) throw IdentityException.groupNotFound();
    return { group, memberIds: await this.groups.memberIds(group.id) };
  }

  findByName(name: string): Promise<GroupEntity | null> {
    return this.groups.findByName(name);
  }

  activeGroupsOfUser(userId: string, manager?: EntityManager): Promise<GroupEntity[]> {
    return this.groups.activeGroupsOfUser(userId, manager);
  }

  async list(query: ListGroupsQueryDto): Promise<Page<GroupDto>> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const cursor = decodeCursor(query.cursor, { n: 'string', id: 'uuid' });
    const rows = await this.groups.find({
      tier: query.tier,
      active: query.active,
      memberId: query.memberId,
      q: query.q,
      after: cursor ? { name: String(cursor.n), id: String(cursor.id) } : undefined,
      limit,
    });
    const page = toPage(rows, limit, (g) => ({ n: g.name, id: g.id }));
    const members = await this.groups.memberIdsByGroup(page.items.map((g) => g.id));
    return { items: page.items.map((g) => toGroupDto(g, members.get(g.id) ?? [])), nextCursor: page.nextCursor };
  }

  private async lockCurrent(id: string, expectedVersion: number | undefined, manager: EntityManager): Promise<GroupEntity> {
    const group = await this.groups.findById(id, manager, true);
    if (!group) throw IdentityException.groupNotFound();
    if (expectedVersion !== undefined && expectedVersion !== group.version) throw IdentityException.staleVersion(group.version);
    return group;
  }

  /** Every id must be an existing active user, else 400 on the field naming the missing ones. */
  private async requireUsers(ids: string[], field: string, code: IdentityErrorCode, manager: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.users.existingIds(ids, manager, true);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw IdentityException.badReference(
        code,
        field,
        `${field} must name existing active users; unknown or inactive: ${missing.join(', ')}`,
      );
    }
  }

  /** A unique-index race on the group name becomes 409 rather than 500. */
  private inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runInTransaction(this.dataSource, work, { groups_name: () => IdentityException.groupNameTaken() });
  }
}

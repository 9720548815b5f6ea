import { Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { EntityManager } from 'typeorm';
import { ProblemDirectoryRepository } from '../directory/problem-directory.repository';
import { canManageProblems } from './domain/problem-roles';
import { ProblemException } from './problem.exception';

export interface ResolvedOwner {
  ownerId: string | null;
  ownerName: string | null;
}

/** Owners must be active problem managers (or admins) known from identity events; groups known groups. */
@Injectable()
export class ProblemOwnerResolver {
  constructor(private readonly directory: ProblemDirectoryRepository) {}

  /** An explicit owner, else the creator when they manage problems, else nobody yet. */
  async owner(manager: EntityManager, ownerId: string | null | undefined, creator: Principal | null): Promise<ResolvedOwner> {
    if (ownerId === null) return { ownerId: null, ownerName: null };
    if (ownerId === undefined) {
      return creator && canManageProblems(creator.roles)
        ? { ownerId: creator.id, ownerName: creator.name ?? null }
        : { ownerId: null, ownerName: null };
    }
    const person = await this.directory.person(ownerId.toLowerCase(), manager);
    if (person && person.active && canManageProblems(person.roles)) return { ownerId: person.id, ownerName: person.displayName };
    if (creator && creator.id === ownerId.toLowerCase() && canManageProblems(creator.roles)) {
      return { ownerId: creator.id, ownerName: creator.name ?? null };
    }
    throw ProblemException.badField('ownerId', 'must be an active problem manager or admin');
  }

  async group(
    manager: EntityManager,
    groupId: string | null | undefined,
  ): Promise<{ groupId: string | null; groupName: string | null }> {
    if (!groupId) return { groupId: null, groupName: null };
    const group = await this.directory.group(groupId.toLowerCase(), manager);
    if (!group || !group.active) throw ProblemException.badField('groupId', 'must be an active group');
    return { groupId: group.id, groupName: group.name };
  }
}

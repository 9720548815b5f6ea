import { Injectable } from '@nestjs/common';
import {
  GroupCreated,
  GroupMembersChanged,
  GroupSnapshot,
  GroupUpdated,
  UserCreated,
  UserDeactivated,
  UserSnapshot,
  UserUpdated,
} from '@helpdesk/contracts';
import { OutboxService } from '@helpdesk/messaging';
import { EntityManager } from 'typeorm';
import { Actor } from '../audit/actor';

export type UserEventType = 'created' | 'updated' | 'deactivated';
export type GroupEventType = 'created' | 'updated' | 'members-changed';

const USER_EVENTS = { created: UserCreated, updated: UserUpdated, deactivated: UserDeactivated } as const;
const GROUP_EVENTS = { created: GroupCreated, updated: GroupUpdated, 'members-changed': GroupMembersChanged } as const;

/** identity.* events through the outbox, in the caller's transaction (published by the relay after commit). */
@Injectable()
export class IdentityEventsPublisher {
  constructor(private readonly outbox: OutboxService) {}

  async user(manager: EntityManager, type: UserEventType, snapshot: UserSnapshot, actor: Actor): Promise<void> {
    await this.outbox.append(manager, { event: USER_EVENTS[type], aggregateId: snapshot.id, payload: snapshot, actor });
  }

  async group(manager: EntityManager, type: GroupEventType, snapshot: GroupSnapshot, actor: Actor): Promise<void> {
    await this.outbox.append(manager, { event: GROUP_EVENTS[type], aggregateId: snapshot.id, payload: snapshot, actor });
  }
}

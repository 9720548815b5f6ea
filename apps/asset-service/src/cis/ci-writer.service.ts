import { Injectable } from '@nestjs/common';
import { AssetEventPayload, EventActor, EventDefinition } from '@helpdesk/contracts';
import { OutboxService } from '@helpdesk/messaging';
import { EntityManager } from 'typeorm';
import { toAssetSnapshot } from './ci-snapshot.mapper';
import { CI_FIELDS } from './domain/ci-type-rules';
import { CiFieldChange, CiHistoryEntity } from './entities/ci-history.entity';
import { CiEntity } from './entities/ci.entity';

export interface CiEventSpec {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  event: EventDefinition<string, AssetEventPayload<any>>;
  detail: Record<string, unknown>;
}

export interface CiCommitOptions {
  action: string;
  actor: EventActor;
  at: Date;
  note?: string | null;
  events?: CiEventSpec[];
  /** Changes the field comparison cannot see (a relationship). */
  extraChanges?: CiFieldChange[];
  /** Relationship changes are recorded on the CI without a new version (If-Match guards its fields). */
  bumpVersion?: boolean;
}

const COMPARED_FIELDS = [
  'type',
  'name',
  'state',
  ...CI_FIELDS,
  'assignedToId',
  'department',
  'attributes',
] as const satisfies readonly (keyof CiEntity)[];

export function ciFieldChanges(before: CiEntity | null, after: CiEntity): CiFieldChange[] {
  if (!before) return [];
  return COMPARED_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map((field) => ({
    field,
    from: before[field],
    to: after[field],
  }));
}

/**
 * Writes one change of a CI the same way everywhere (API, imports, consumers): the row, a history entry
 * with who/when/what, and its asset.* events in the outbox, all in the caller's transaction.
 */
@Injectable()
export class CiWriter {
  constructor(private readonly outbox: OutboxService) {}

  async commit(manager: EntityManager, before: CiEntity | null, after: CiEntity, options: CiCommitOptions): Promise<CiEntity> {
    const repo = manager.getRepository(CiEntity);
    after.version = before ? before.version + (options.bumpVersion === false ? 0 : 1) : 1;
    after.updatedAt = options.at;
    if (before) {
      const { id: _id, ...fields } = after;
      await repo.update({ id: after.id }, fields);
    } else {
      after.createdAt = options.at;
      await repo.insert(after);
    }
    await manager.getRepository(CiHistoryEntity).save(
      Object.assign(new CiHistoryEntity(), {
        ciId: after.id,
        at: options.at,
        actorId: options.actor.id,
        actorRole: options.actor.role,
        action: options.action,
        ciVersion: after.version,
        changes: [...ciFieldChanges(before, after), ...(options.extraChanges ?? [])],
        note: options.note ?? null,
      }),
    );
    for (const spec of options.events ?? []) {
      await this.outbox.append(manager, {
        event: spec.event,
        aggregateId: after.id,
        payload: { ci: toAssetSnapshot(after), detail: spec.detail },
        actor: options.actor,
      });
    }
    return after;
  }
}

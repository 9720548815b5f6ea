import { Inject, Injectable } from '@nestjs/common';
import { EventActor, EventDefinition, ProblemEventPayload } from '@helpdesk/contracts';
import { OutboxService } from '@helpdesk/messaging';
import { TEXT_ANALYZER, TextAnalyzer } from '@helpdesk/text-analysis';
import { EntityManager } from 'typeorm';
import { ProblemFieldChange, ProblemHistoryEntity } from './entities/problem-history.entity';
import { ProblemEntity } from './entities/problem.entity';
import { searchableTextOf, toProblemRef } from './problem-snapshot.mapper';

export interface ProblemEventSpec {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  event: EventDefinition<string, ProblemEventPayload<any>>;
  detail: Record<string, unknown>;
}

export interface ProblemCommitOptions {
  action: string;
  actor: EventActor;
  at: Date;
  note?: string | null;
  events?: ProblemEventSpec[];
  /** Changes the field comparison cannot see (a link, a count). */
  extraChanges?: ProblemFieldChange[];
  /**
   * Edits and transitions take a new version (what If-Match checks); link and count changes kept from
   * events do not, so a manager's edit is not refused because an incident moved meanwhile.
   */
  bumpVersion?: boolean;
}

/** Fields compared for the history's `changes` (long texts are named, not copied). */
const TRACKED_FIELDS = [
  'title',
  'state',
  'priority',
  'category',
  'ciIds',
  'ownerId',
  'groupId',
  'contributingFactors',
  'fiveWhys',
  'timeline',
  'resolveLinkedIncidents',
] as const satisfies readonly (keyof ProblemEntity)[];
const LONG_TEXT_FIELDS = ['description', 'symptoms', 'rootCause', 'workaround', 'resolutionNotes', 'closeNotes'] as const;

export function problemFieldChanges(before: ProblemEntity | null, after: ProblemEntity): ProblemFieldChange[] {
  if (!before) return [];
  const changes: ProblemFieldChange[] = [];
  for (const field of TRACKED_FIELDS) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      changes.push({ field, from: before[field], to: after[field] });
  }
  for (const field of LONG_TEXT_FIELDS) {
    if (before[field] !== after[field])
      changes.push({ field, from: before[field] === null ? null : '…', to: after[field] === null ? null : '…' });
  }
  return changes;
}

/**
 * Writes one change of a problem the same way everywhere (API, consumers, candidates, imports): the row,
 * a history entry with who/when/what, and its events in the outbox, all in the caller's transaction.
 */
@Injectable()
export class ProblemWriter {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(TEXT_ANALYZER) private readonly analyzer: TextAnalyzer,
  ) {}

  async commit(manager: EntityManager, before: ProblemEntity | null, after: ProblemEntity, options: ProblemCommitOptions) {
    const repo = manager.getRepository(ProblemEntity);
    const bump = options.bumpVersion ?? true;
    after.version = before ? before.version + (bump ? 1 : 0) : 1;
    after.updatedAt = options.at;
    const text = searchableTextOf(after);
    if (!before || searchableTextOf(before) !== text) after.searchTerms = [...new Set(this.analyzer.analyze(text))];
    if (before) await repo.update({ id: after.id }, withoutId(after));
    else {
      after.createdAt = options.at;
      await repo.insert(after);
    }
    await manager.getRepository(ProblemHistoryEntity).save(
      Object.assign(new ProblemHistoryEntity(), {
        problemId: after.id,
        at: options.at,
        actorId: options.actor.id,
        actorRole: options.actor.role,
        action: options.action,
        problemVersion: after.version,
        changes: [...problemFieldChanges(before, after), ...(options.extraChanges ?? [])],
        note: options.note ?? null,
      }),
    );
    for (const spec of options.events ?? []) {
      await this.outbox.append(manager, {
        event: spec.event,
        aggregateId: after.id,
        payload: { problem: toProblemRef(after), detail: spec.detail },
        actor: options.actor,
      });
    }
    return after;
  }
}

function withoutId(problem: ProblemEntity): Partial<ProblemEntity> {
  const { id: _id, ...rest } = problem;
  return rest;
}

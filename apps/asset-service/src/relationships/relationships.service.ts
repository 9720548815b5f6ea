import { Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { AssetRelationshipAdded, AssetRelationshipRemoved, EventActor, isUuid } from '@helpdesk/contracts';
import { runInTransaction } from '@helpdesk/database';
import { decodeCursor, Page, toPage } from '@helpdesk/service-runtime';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { eventActorOf } from '../cis/ci-actor';
import { parseCiRef } from '../cis/ci-number';
import { CiWriter } from '../cis/ci-writer.service';
import { CiException } from '../cis/ci.exception';
import { CisRepository } from '../cis/cis.repository';
import { CiEntity } from '../cis/entities/ci.entity';
import { relationshipRuleViolation } from './domain/relationship-rules';
import { AddRelationshipDto, ListRelationshipsQueryDto, RELATIONSHIP_DIRECTIONS, RelationshipDto } from './dto/relationship.dto';
import { RelationshipEntity } from './relationship.entity';
import { RelationshipException } from './relationship.exception';
import { toRelationshipDto } from './relationship-view.mapper';
import { RelationshipListCursor, RelationshipsRepository } from './relationships.repository';

/**
 * Relationships between CIs: recorded on the source CI (asset.relationship-added/-removed, history, no new
 * version: If-Match guards a CI's own fields) and noted in the target's history.
 */
@Injectable()
export class RelationshipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cis: CisRepository,
    private readonly relationships: RelationshipsRepository,
    private readonly writer: CiWriter,
  ) {}

  async add(principal: Principal, ref: string, dto: AddRelationshipDto): Promise<RelationshipDto> {
    const source = await this.findOrThrow(ref);
    const targetRef = dto.targetId.trim();
    const targetKey = parseCiRef(targetRef);
    if (!targetKey)
      throw RelationshipException.badField('targetId', 'must be the UUID or number (CI-00042) of a configuration item');
    const target = await this.cis.find(targetKey);
    if (!target) throw RelationshipException.badField('targetId', `names no configuration item (${targetRef})`);
    if (target.id === source.id)
      throw RelationshipException.badField('targetId', 'must be another configuration item than the source');
    const relationship = Object.assign(new RelationshipEntity(), {
      id: randomUUID(),
      sourceId: source.id,
      targetId: target.id,
      type: dto.type,
      createdById: principal.id,
      createdAt: new Date(),
    });
    const other = await runInTransaction(
      this.dataSource,
      async (m) => {
        const [lockedSource, lockedTarget] = await this.lockBoth(m, source.id, target.id);
        const violation = relationshipRuleViolation(dto.type, lockedSource.type, lockedTarget.type);
        if (violation) throw RelationshipException.badField('type', violation);
        if (lockedSource.state === 'disposed') throw RelationshipException.disposed('id', source.number);
        if (lockedTarget.state === 'disposed') throw RelationshipException.disposed('targetId', target.number);
        if (await this.relationships.exists(m, source.id, target.id, dto.type))
          throw RelationshipException.duplicate(source.number, dto.type, target.number);
        await this.relationships.insert(m, relationship);
        await this.record(m, 'added', relationship, lockedSource, lockedTarget, eventActorOf(principal), relationship.createdAt);
        return lockedTarget;
      },
      // Two requests recording the same edge at once: the second finds the unique index.
      { asset_relationship_edge: () => RelationshipException.duplicate(source.number, dto.type, target.number) },
    );
    return toRelationshipDto({
      ...relationship,
      direction: 'outgoing',
      otherId: other.id,
      otherNumber: other.number,
      otherName: other.name,
      otherType: other.type,
      otherState: other.state,
    });
  }

  /** The CI at either end may remove an edge (the list shows both directions); events go out on the source. */
  async remove(principal: Principal, ref: string, relationshipId: string): Promise<void> {
    const ci = await this.findOrThrow(ref);
    const relationship = isUuid(relationshipId) ? await this.relationships.find(relationshipId.toLowerCase()) : null;
    if (!relationship || (relationship.sourceId !== ci.id && relationship.targetId !== ci.id))
      throw RelationshipException.notFound(relationshipId, ci.number);
    await runInTransaction(this.dataSource, async (m) => {
      const [source, target] = await this.lockBoth(m, relationship.sourceId, relationship.targetId);
      if (!(await this.relationships.delete(m, relationship.id))) throw RelationshipException.notFound(relationshipId, ci.number);
      await this.record(m, 'removed', relationship, source, target, eventActorOf(principal), new Date());
    });
  }

  async list(ref: string, query: ListRelationshipsQueryDto): Promise<Page<RelationshipDto>> {
    const ci = await this.findOrThrow(ref);
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, { d: 'string', n: 'string', id: 'uuid' });
    if (after && !(RELATIONSHIP_DIRECTIONS as readonly string[]).includes(after.d))
      throw RelationshipException.badField('cursor', 'must be a nextCursor returned by this list');
    const rows = await this.relationships.listFor(
      ci.id,
      { direction: query.direction, type: query.type },
      after as RelationshipListCursor | null,
      limit,
    );
    return toPage(rows, limit, (r) => ({ d: r.direction, n: r.otherNumber, id: r.id }), toRelationshipDto);
  }

  async findOrThrow(ref: string): Promise<CiEntity> {
    const ci = await this.cis.find(ref);
    if (!ci) throw CiException.notFound(ref);
    return ci;
  }

  /** Locks source and target in id order, so two requests joining A and B either way round cannot deadlock. */
  private async lockBoth(m: EntityManager, sourceId: string, targetId: string): Promise<[CiEntity, CiEntity]> {
    const locked = new Map<string, CiEntity>();
    for (const id of [sourceId, targetId].sort()) {
      const ci = await this.cis.findForUpdate(m, { id });
      if (!ci) throw CiException.notFound(id);
      locked.set(id, ci);
    }
    return [locked.get(sourceId)!, locked.get(targetId)!];
  }

  /** History on both CIs, the event on the source only; neither gets a new version. */
  private async record(
    m: EntityManager,
    change: 'added' | 'removed',
    relationship: RelationshipEntity,
    source: CiEntity,
    target: CiEntity,
    actor: EventActor,
    at: Date,
  ): Promise<void> {
    const { type } = relationship;
    const detail = { relationshipId: relationship.id, type, sourceId: source.id, targetId: target.id };
    const described = (text: string) => (change === 'added' ? { from: null, to: text } : { from: text, to: null });
    await this.writer.commit(m, source, Object.assign(new CiEntity(), source), {
      action: `relationship-${change}`,
      actor,
      at,
      bumpVersion: false,
      extraChanges: [{ field: 'relationships', ...described(`${type} ${target.number}`) }],
      events: [{ event: change === 'added' ? AssetRelationshipAdded : AssetRelationshipRemoved, detail }],
    });
    await this.writer.commit(m, target, Object.assign(new CiEntity(), target), {
      action: `relationship-${change}`,
      actor,
      at,
      bumpVersion: false,
      extraChanges: [{ field: 'relationships', ...described(`${source.number} ${type} this`) }],
    });
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProblemLinksService } from '../links/problem-links.service';
import { PROBLEM_SERVICE_ACTOR } from '../problems/problem-actor';
import { ProblemsRepository } from '../problems/problems.repository';
import { ProblemsService } from '../problems/problems.service';
import { ProblemIncidentEntity } from './entities/problem-incident.entity';

/** `Problem ID  2` → `Problem ID 2`: the same reference however the export spaced it. */
export function normalizeExternalKey(key: string): string {
  return key.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/**
 * An imported incident names its problem by the source system's reference (ServiceNow's problem_id):
 * the first mention makes a problem for it (once per reference, whatever the order of events), and each
 * mention links the incident to it the problem side's way, so the incident service takes the link too.
 */
@Injectable()
export class ImportedProblemsService {
  constructor(
    private readonly problems: ProblemsRepository,
    private readonly lifecycle: ProblemsService,
    private readonly links: ProblemLinksService,
  ) {}

  async linkImported(manager: EntityManager, incident: ProblemIncidentEntity, source: string, rawKey: string, at: Date) {
    const key = normalizeExternalKey(rawKey);
    if (!key) return;
    // Two partitions may bring the first two mentions of one reference at once: one creates, the other waits.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`problem-external:${source}:${key}`]);
    const problem =
      (await this.problems.findByExternalKey(manager, source, key)) ??
      (await this.lifecycle.createInTransaction(
        manager,
        {
          title: `${key} (${source})`,
          description: `Imported from ${source}, where incidents referred to it as "${key}".`,
          ownerId: null,
          ownerName: null,
          groupId: null,
          groupName: null,
          origin: 'import',
          external: { source, key },
          createdById: PROBLEM_SERVICE_ACTOR.id,
        },
        PROBLEM_SERVICE_ACTOR,
        at,
        { origin: 'import', candidateId: null },
      ));
    await this.links.link(manager, problem.id, incident.id, PROBLEM_SERVICE_ACTOR, at);
  }
}

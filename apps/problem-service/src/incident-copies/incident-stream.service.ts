import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope, IncidentEventPayload, IncidentProblemLinked, IncidentSnapshot } from '@helpdesk/contracts';
import { TEXT_ANALYZER, TextAnalyzer } from '@helpdesk/text-analysis';
import { EntityManager } from 'typeorm';
import { CandidatesService } from '../candidates/candidates.service';
import { ProblemLinksService } from '../links/problem-links.service';
import { ProblemIncidentEntity } from './entities/problem-incident.entity';
import { ImportedProblemsService } from './imported-problems.service';
import { IncidentCopiesRepository } from './incident-copies.repository';

/**
 * Applies one incident event: the copy takes the snapshot when it is newer than what it holds (events
 * arrive late or twice), links follow incident.problem-linked, an import's problem reference becomes a
 * problem, linked problems' counts follow state changes, and new or re-described incidents are
 * considered for candidate problems.
 */
@Injectable()
export class IncidentStreamService {
  constructor(
    private readonly copies: IncidentCopiesRepository,
    private readonly links: ProblemLinksService,
    private readonly imported: ImportedProblemsService,
    private readonly candidates: CandidatesService,
    @Inject(TEXT_ANALYZER) private readonly analyzer: TextAnalyzer,
  ) {}

  async apply(manager: EntityManager, event: EventEnvelope<IncidentEventPayload>): Promise<void> {
    const snapshot = event.payload.incident;
    const at = new Date(event.occurredAt);
    const existing = await this.copies.findForUpdate(manager, snapshot.id);
    let copy = existing;
    let clusterChanged = false;
    if (!existing || snapshot.version > existing.incidentVersion) {
      copy = this.toCopy(snapshot, existing, at);
      clusterChanged =
        !existing ||
        existing.ciId !== copy.ciId ||
        existing.category !== copy.category ||
        existing.terms.join(' ') !== copy.terms.join(' ');
      await this.copies.save(manager, copy);
      if (existing?.problemId && existing.state !== copy.state) await this.copies.refreshCounts(manager, existing.problemId);
    }
    const linked = IncidentProblemLinked.match(event);
    if (linked && copy) {
      const detail = linked.payload.detail;
      if (detail.origin === 'import' && detail.externalProblemKey) {
        await this.imported.linkImported(manager, copy, snapshot.source, detail.externalProblemKey, at);
      } else {
        await this.links.applyIncidentLink(manager, copy, detail.problemId, snapshot.version, event.actor, at);
      }
    }
    if (copy && clusterChanged && copy.source === 'live' && !copy.problemId) await this.candidates.consider(manager, copy);
  }

  private toCopy(s: IncidentSnapshot, existing: ProblemIncidentEntity | null, at: Date): ProblemIncidentEntity {
    return Object.assign(new ProblemIncidentEntity(), {
      id: s.id,
      number: s.number,
      shortDescription: s.shortDescription,
      state: s.state,
      priority: s.priority,
      category: s.category,
      ciId: s.ciId,
      openedAt: new Date(s.openedAt),
      source: s.source,
      incidentVersion: s.version,
      // The summary only: candidate similarity is calibrated on one-line symptoms (a long description dilutes it).
      terms: this.analyzer.analyze(s.shortDescription),
      problemId: existing?.problemId ?? null,
      linkVersion: existing?.linkVersion ?? 0,
      linkedAt: existing?.linkedAt ?? null,
      updatedAt: at,
    } satisfies ProblemIncidentEntity);
  }
}

import { Injectable } from '@nestjs/common';
import { EventEnvelope, IncidentEventPayload } from '@helpdesk/contracts';
import { EntityManager } from 'typeorm';
import { ReportingConfig } from '../config/reporting.config';
import { IncidentFactOptions, mergeIncidentEvent } from './domain/incident-fact';
import { IncidentFactsRepository } from './incident-facts.repository';

/** incident.* → incident_fact: read the row under lock, merge the event (pure), write it back. */
@Injectable()
export class IncidentFactsProjection {
  private readonly options: IncidentFactOptions;

  constructor(
    private readonly facts: IncidentFactsRepository,
    config: ReportingConfig,
  ) {
    this.options = { contactWindowMs: config.fcrContactWindowMs };
  }

  async apply(manager: EntityManager, event: EventEnvelope<IncidentEventPayload>): Promise<void> {
    const existing = await this.facts.findForUpdate(manager, event.payload.incident.id);
    const merged = mergeIncidentEvent(
      existing,
      {
        type: event.type,
        occurredAt: event.occurredAt,
        incident: event.payload.incident,
        detail: event.payload.detail as Record<string, unknown>,
      },
      this.options,
    );
    await this.facts.save(manager, merged);
  }
}

import { EventEnvelope, PayloadValidationError, Topics } from '@helpdesk/contracts';
import { testIncidentSnapshot } from '@helpdesk/testing';
import { EntityManager } from 'typeorm';
import { REPORTING_CONSUMES } from '../app.module';
import { IncidentFactsProjection } from '../incident-facts/incident-facts.projection';
import { KnowledgeFactsProjection } from '../knowledge-facts/knowledge-facts.projection';
import { ReadModelProjections } from './read-model-projections';

const manager = {} as EntityManager;
const envelope = (type: string, payload: unknown) => ({ id: 'e1', type, payload }) as unknown as EventEnvelope;

function setUp() {
  const incidentFacts = { apply: jest.fn() } as unknown as IncidentFactsProjection;
  const knowledgeFacts = { apply: jest.fn() } as unknown as KnowledgeFactsProjection;
  return { projections: new ReadModelProjections(incidentFacts, knowledgeFacts), incidentFacts, knowledgeFacts };
}

describe('ReadModelProjections', () => {
  it('covers every topic the service consumes, and refuses to run without one', () => {
    const { projections } = setUp();
    expect(() => projections.assertCovers(REPORTING_CONSUMES)).not.toThrow();
    expect(() => projections.assertCovers([...REPORTING_CONSUMES, 'helpdesk.asset.ci.v1'])).toThrow(
      'The rebuild has no projection for helpdesk.asset.ci.v1',
    );
  });

  it('hands incident events to the incident facts as the consumer does: known types, valid payloads', async () => {
    const { projections, incidentFacts, knowledgeFacts } = setUp();
    const created = envelope('incident.created', { incident: testIncidentSnapshot(), changes: [], detail: {} });
    await projections.apply(manager, Topics.incident, created);
    expect(incidentFacts.apply).toHaveBeenCalledWith(manager, created);
    await projections.apply(manager, Topics.incident, envelope('incident.something-new', {}));
    expect(incidentFacts.apply).toHaveBeenCalledTimes(1);
    await expect(
      projections.apply(manager, Topics.incident, envelope('incident.created', { incident: {} })),
    ).rejects.toBeInstanceOf(PayloadValidationError);
    expect(knowledgeFacts.apply).not.toHaveBeenCalled();
  });

  it('hands both knowledge topics to the knowledge facts', async () => {
    const { projections, knowledgeFacts } = setUp();
    const viewed = envelope('knowledge.article-viewed', {});
    await projections.apply(manager, Topics.knowledgeArticle, viewed);
    await projections.apply(manager, Topics.knowledgeHelpSession, viewed);
    expect(knowledgeFacts.apply).toHaveBeenCalledTimes(2);
    await expect(projections.apply(manager, 'helpdesk.asset.ci.v1', viewed)).rejects.toThrow('No projection for topic');
  });
});

import { ConfigValidationError, loadConfig } from '@helpdesk/config';
import { KnowledgeConfig } from './knowledge.config';

describe('KnowledgeConfig', () => {
  it('defaults: port 3003, its own database, seeding on, the service name as consumer group', () => {
    const config = loadConfig(KnowledgeConfig, {});
    expect(config).toMatchObject({ PORT: 3003, DATABASE_NAME: 'helpdesk_knowledge', SEED_REFERENCE_DATA: true });
    expect(config.KAFKA_CONSUMER_GROUP).toBeUndefined();
  });

  it('reads its own variables', () => {
    const config = loadConfig(KnowledgeConfig, {
      SEED_REFERENCE_DATA: 'off',
      KAFKA_CONSUMER_GROUP: 'knowledge-base-service.blue',
    });
    expect(config).toMatchObject({ SEED_REFERENCE_DATA: false, KAFKA_CONSUMER_GROUP: 'knowledge-base-service.blue' });
  });

  it('stops the start with every bad variable named', () => {
    let error: unknown;
    try {
      loadConfig(KnowledgeConfig, { SEED_REFERENCE_DATA: 'maybe', KAFKA_CONSUMER_GROUP: 'two words' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as ConfigValidationError).problems.map((p) => p.variable).sort()).toEqual([
      'KAFKA_CONSUMER_GROUP',
      'SEED_REFERENCE_DATA',
    ]);
  });
});

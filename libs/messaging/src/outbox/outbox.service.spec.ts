import { checkPayload, defineEvent, PayloadValidationError, requiredString } from '@helpdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { resolveMessagingOptions } from '../messaging.options';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { OutboxSignal } from './outbox.signal';

const describePayloadProblems = jest.fn((p: unknown) => checkPayload(p, [requiredString('name', 200)]));
const ThingRenamed = defineEvent<{ name: string }>()({
  type: 'thing.renamed',
  topic: 'helpdesk.test.thing.v1',
  version: 1,
  aggregateType: 'thing',
  describePayloadProblems,
});

function setUp() {
  const repository = {
    nextSequence: jest.fn(async () => 7),
    insert: jest.fn(async () => undefined),
  };
  const outbox = new OutboxService(
    resolveMessagingOptions({ serviceName: 'svc', brokers: 'k:9092', publishes: [], consumes: [] }),
    {} as DataSource,
    repository as unknown as OutboxRepository,
    new OutboxSignal(),
  );
  const manager = { queryRunner: { isTransactionActive: true } } as unknown as EntityManager;
  return { outbox, repository, manager };
}

describe('OutboxService.append', () => {
  beforeEach(() => describePayloadProblems.mockClear());

  it('validates the payload once per event, then numbers and stores it', async () => {
    const { outbox, repository, manager } = setUp();
    const envelope = await outbox.append(manager, { event: ThingRenamed, aggregateId: 't-1', payload: { name: '𠮷野' } });
    expect(describePayloadProblems).toHaveBeenCalledTimes(1);
    expect(envelope).toMatchObject({ type: 'thing.renamed', aggregateId: 't-1', sequence: 7, source: 'svc' });
    expect(repository.insert).toHaveBeenCalledWith(manager, expect.objectContaining({ id: envelope.id, messageKey: 't-1' }));
  });

  it('takes no sequence number for a bad payload or an empty aggregate id', async () => {
    const { outbox, repository, manager } = setUp();
    await expect(outbox.append(manager, { event: ThingRenamed, aggregateId: 't-1', payload: { name: '' } })).rejects.toThrow(
      PayloadValidationError,
    );
    await expect(outbox.append(manager, { event: ThingRenamed, aggregateId: '', payload: { name: 'n' } })).rejects.toThrow(
      'aggregateId must be a non-empty string',
    );
    expect(repository.nextSequence).not.toHaveBeenCalled();
    expect(repository.insert).not.toHaveBeenCalled();
  });
});

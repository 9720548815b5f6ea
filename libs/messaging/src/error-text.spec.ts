import { PayloadValidationError } from '@helpdesk/contracts';
import { describeError } from './error-text';

describe('describeError', () => {
  it('names errors by class and message', () => {
    expect(describeError(new PayloadValidationError('thing.renamed', ['name missing']))).toBe(
      'PayloadValidationError: Invalid payload for thing.renamed: name missing',
    );
  });

  it("explains Nest's generic RPC error and passes other shapes through", () => {
    expect(describeError({ status: 'error', message: 'Internal server error' })).toContain('@EventConsumer()');
    expect(describeError({ status: 'error', message: 'not found' })).toBe('not found');
    expect(describeError({ code: 7 })).toBe('{"code":7}');
    expect(describeError('plain')).toBe('plain');
    expect(describeError(undefined)).toBe('undefined');
  });

  it('is the one text for consumer and relay errors alike (a failed Kafka send in outbox_message.last_error)', () => {
    expect(describeError(new Error('Kafka send did not finish within 10000 ms'))).toBe(
      'Error: Kafka send did not finish within 10000 ms',
    );
  });
});

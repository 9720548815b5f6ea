import { deadLetterHeaders } from './dead-letter';

describe('deadLetterHeaders', () => {
  const info = {
    error: 'TypeError: boom',
    topic: 'helpdesk.x.v1',
    partition: 2,
    offset: '41',
    attempts: 3,
    consumerGroup: 'reporting',
  };

  it('keeps the original headers and adds the dead-letter ones', () => {
    expect(deadLetterHeaders({ 'x-correlation-id': 'c1', 'x-event-id': Buffer.from('e1') }, info)).toEqual({
      'x-correlation-id': 'c1',
      'x-event-id': Buffer.from('e1'),
      'x-dlq-error': 'TypeError: boom',
      'x-dlq-original-topic': 'helpdesk.x.v1',
      'x-dlq-original-partition': '2',
      'x-dlq-original-offset': '41',
      'x-dlq-attempts': '3',
      'x-dlq-consumer-group': 'reporting',
    });
  });

  it('overwrites stale dead-letter headers of a replayed message and bounds the error length', () => {
    const headers = deadLetterHeaders({ 'x-dlq-attempts': '9' }, { ...info, error: 'x'.repeat(5000) });
    expect(headers['x-dlq-attempts']).toBe('3');
    expect((headers['x-dlq-error'] as string).length).toBe(2000);
  });

  it('keeps the trace context, so a replay continues the original trace', () => {
    const traceparent = Buffer.from('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    const headers = deadLetterHeaders({ traceparent, tracestate: Buffer.from('helpdesk=1') }, info);
    expect(headers.traceparent).toEqual(traceparent);
    expect(headers.tracestate).toEqual(Buffer.from('helpdesk=1'));
  });

  it('works without original headers', () => {
    expect(deadLetterHeaders(undefined, info)['x-dlq-original-topic']).toBe('helpdesk.x.v1');
  });
});

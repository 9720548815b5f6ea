import { withDeadLetterTopics } from './kafka-topic-admin';

describe('withDeadLetterTopics', () => {
  it('adds one .dlq per topic, without duplicates or a .dlq.dlq', () => {
    expect(withDeadLetterTopics(['a.v1', 'b.v1', 'a.v1', 'b.v1.dlq'])).toEqual(['a.v1', 'a.v1.dlq', 'b.v1', 'b.v1.dlq']);
  });
});

import { renderServerProperties } from './server-properties';

function parse(text: string): Map<string, string> {
  const entries = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as [string, string]);
  return new Map(entries);
}

describe('renderServerProperties', () => {
  const props = parse(renderServerProperties({ port: 19092, controllerPort: 19093, logDir: '/data/kafka' }));

  it('configures one combined broker+controller node with static KRaft voters', () => {
    expect(props.get('process.roles')).toBe('broker,controller');
    expect(props.get('node.id')).toBe('1');
    expect(props.get('controller.quorum.voters')).toBe('1@127.0.0.1:19093');
    expect(props.get('controller.listener.names')).toBe('CONTROLLER');
  });

  it('listens and advertises on loopback only', () => {
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(props.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:19092');
    expect(props.get('listener.security.protocol.map')).toBe('PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT');
  });

  it('uses replication factor 1 everywhere, since there is one node', () => {
    for (const key of [
      'default.replication.factor',
      'min.insync.replicas',
      'offsets.topic.replication.factor',
      'transaction.state.log.replication.factor',
      'transaction.state.log.min.isr',
    ]) {
      expect([key, props.get(key)]).toEqual([key, '1']);
    }
  });

  it('keeps events forever and refuses to auto-create topics', () => {
    expect(props.get('log.retention.ms')).toBe('-1');
    expect(props.get('log.retention.bytes')).toBe('-1');
    expect(props.get('auto.create.topics.enable')).toBe('false');
    expect(props.get('num.partitions')).toBe('3');
    expect(props.get('log.dirs')).toBe('/data/kafka');
  });

  it('escapes backslashes for java.util.Properties', () => {
    const text = renderServerProperties({ port: 1, controllerPort: 2, logDir: 'C:\\kafka\\data' });
    expect(text).toContain('log.dirs=C:\\\\kafka\\\\data');
  });

  it('has no duplicate keys', () => {
    const keys = renderServerProperties({ port: 1, controllerPort: 2, logDir: '/d' })
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('=')[0]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

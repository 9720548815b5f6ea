import { logLevel } from 'kafkajs';
import { kafkaLogCreator } from './kafka-log.creator';

describe('kafkaLogCreator', () => {
  const entry = (level: logLevel, message: string, extra: Record<string, unknown> = {}) => ({
    namespace: 'Connection',
    level,
    label: 'X',
    log: { timestamp: 't', logger: 'kafkajs', message, ...extra },
  });

  it('passes WARN and ERROR to the sink, drops INFO and DEBUG, and drops noise fields', () => {
    const sink = { warn: jest.fn(), error: jest.fn() };
    const log = kafkaLogCreator(sink, 1000, () => 0)(logLevel.WARN);
    log(entry(logLevel.INFO, 'hello'));
    log(entry(logLevel.DEBUG, 'hello'));
    log(entry(logLevel.WARN, 'slow', { broker: '127.0.0.1:9092', stack: 'long' }));
    log(entry(logLevel.ERROR, 'refused', { retryCount: 2 }));
    expect(sink.warn).toHaveBeenCalledWith('[Connection] slow broker=127.0.0.1:9092');
    expect(sink.warn).toHaveBeenCalledWith('[Connection] refused retryCount=2');
    log({ ...entry(logLevel.ERROR, 'Crash: boom'), namespace: 'Consumer' });
    expect(sink.error).toHaveBeenCalledWith('[Consumer] Crash: boom');
  });

  it('repeats an identical line once per throttle window and says how many it held back', () => {
    let t = 0;
    const sink = { warn: jest.fn(), error: jest.fn() };
    const log = kafkaLogCreator(sink, 1000, () => t)(logLevel.WARN);
    for (t = 0; t < 900; t += 100) log(entry(logLevel.WARN, 'Connection error: ECONNREFUSED'));
    expect(sink.warn).toHaveBeenCalledTimes(1);
    t = 1500;
    log(entry(logLevel.WARN, 'Connection error: ECONNREFUSED'));
    expect(sink.warn).toHaveBeenCalledTimes(2);
    expect(sink.warn.mock.calls[1][0]).toContain('(8 more like this in the last 2 s)');
    log(entry(logLevel.WARN, 'Restarting the consumer in 1530ms'));
    log(entry(logLevel.WARN, 'Restarting the consumer in 1479.5ms'));
    expect(sink.warn).toHaveBeenCalledTimes(3);
  });
});

import { Logger } from '@nestjs/common';
import { LogEntry, logCreator, logLevel } from 'kafkajs';

/** Where kafkajs records go: Nest's Logger (our AppLogger once the app calls useLogger). */
export interface KafkaLogSink {
  warn(message: string): void;
  error(message: string): void;
}

// kafkajs adds these to every record; they only make the line longer.
const NOISE = new Set(['timestamp', 'logger', 'message', 'stack']);
const MAX_TRACKED = 500;
// Expected by design: the relay bounds its producer's retries so that an outage fails the round
// (duplicates from a re-send are absorbed by the consumers' inbox).
const EXPECTED = new Set(['Limiting retries for the idempotent producer may invalidate EoS guarantees']);
// Socket-level errors that kafkajs retries by itself; if the retries run out, the caller's error is logged.
const TRANSIENT_NAMESPACES = new Set(['Connection', 'BrokerPool']);

/**
 * A kafkajs logCreator for WARN and above that repeats an identical line at most once per
 * `throttleMs`: during a broker outage kafkajs reports every reconnect, which would flood the logs.
 */
export function kafkaLogCreator(
  sink: KafkaLogSink = new Logger('KafkaJS'),
  throttleMs = 30_000,
  now: () => number = Date.now,
): logCreator {
  const seen = new Map<string, { at: number; suppressed: number }>();
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      if (level > logLevel.WARN || level === logLevel.NOTHING || EXPECTED.has(log.message)) return;
      // Numbers vary between repeats ("Restarting the consumer in 1530ms"); they do not make a line new.
      const key = `${level}|${namespace}|${String(log.message).replace(/\d+(\.\d+)?/g, '#')}`;
      const last = seen.get(key);
      const t = now();
      if (last && t - last.at < throttleMs) {
        last.suppressed += 1;
        return;
      }
      if (seen.size >= MAX_TRACKED) seen.clear();
      seen.set(key, { at: t, suppressed: 0 });
      const extra = Object.entries(log)
        .filter(([k, v]) => !NOISE.has(k) && v !== undefined)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      const repeats = last?.suppressed
        ? ` (${last.suppressed} more like this in the last ${Math.round((t - last.at) / 1000)} s)`
        : '';
      const line = `${namespace ? `[${namespace}] ` : ''}${log.message}${extra ? ` ${extra}` : ''}${repeats}`;
      if (level === logLevel.ERROR && !TRANSIENT_NAMESPACES.has(namespace)) sink.error(line);
      else sink.warn(line);
    };
}

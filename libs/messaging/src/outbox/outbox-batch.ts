import { TraceHeaders } from '@helpdesk/observability';

/** An outbox row as the relay reads it (position is a bigint, so pg hands it over as a string). */
export interface OutboxRow {
  id: string;
  position: string;
  topic: string;
  messageKey: string;
  envelope: Record<string, unknown>;
  headers: Record<string, string>;
  /** The trace context of the span that wrote the row (null: none, or a row older than the column). */
  traceContext: TraceHeaders | null;
}

/** The oldest unsent row of a (topic, key) that is not in this batch: another relay holds its lock. */
export interface UnsentBlocker {
  topic: string;
  messageKey: string;
  position: string;
}

export interface OutgoingTopicMessages {
  topic: string;
  messages: Array<{ key: string; value: string; headers: Record<string, string> }>;
}

const orderKey = (topic: string, messageKey: string): string => `${topic}\u0000${messageKey}`;

/**
 * Keeps the rows that can be published now without breaking a key's order: a row waits when an
 * older row of its (topic, key) is unsent and outside this batch (locked by another relay replica,
 * which will publish it first). Rows older than the blocker still go.
 */
export function publishableInOrder(batch: OutboxRow[], blockers: UnsentBlocker[]): OutboxRow[] {
  const oldestBlocked = new Map<string, bigint>();
  for (const b of blockers) {
    const key = orderKey(b.topic, b.messageKey);
    const position = BigInt(b.position);
    const known = oldestBlocked.get(key);
    if (known === undefined || position < known) oldestBlocked.set(key, position);
  }
  return batch.filter((row) => {
    const blockedFrom = oldestBlocked.get(orderKey(row.topic, row.messageKey));
    return blockedFrom === undefined || BigInt(row.position) < blockedFrom;
  });
}

/** One sendBatch entry per topic, rows kept in position order (so each key's order holds). */
export function toTopicMessages(rows: OutboxRow[]): OutgoingTopicMessages[] {
  const byTopic = new Map<string, OutgoingTopicMessages>();
  const sorted = [...rows].sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
  for (const row of sorted) {
    let entry = byTopic.get(row.topic);
    if (!entry) {
      entry = { topic: row.topic, messages: [] };
      byTopic.set(row.topic, entry);
    }
    entry.messages.push({ key: row.messageKey, value: JSON.stringify(row.envelope), headers: row.headers });
  }
  return [...byTopic.values()];
}

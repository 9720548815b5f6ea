import type { RecordedMessage } from '@helpdesk/testing';

/**
 * For each message key, the envelope sequence numbers in topic order. A re-sent event (same id)
 * counts at its first occurrence only: at-least-once delivery may repeat, never reorder.
 */
export function sequencesByKey(messages: RecordedMessage[]): Map<string, number[]> {
  const seen = new Set<string>();
  const byKey = new Map<string, number[]>();
  const ordered = [...messages].sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  for (const m of ordered) {
    const envelope = JSON.parse(m.value ?? '{}') as { id: string; sequence: number };
    if (seen.has(envelope.id)) continue;
    seen.add(envelope.id);
    const key = m.key ?? '';
    byKey.set(key, [...(byKey.get(key) ?? []), envelope.sequence]);
  }
  return byKey;
}

/** [1, 2, ..., n] */
export function oneTo(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

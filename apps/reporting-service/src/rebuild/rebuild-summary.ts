import { TopicCounts } from './event-batch-applier';

export interface TopicRebuildSummary {
  topic: string;
  partitions: number;
  /** Partitions whose earliest offset is above 0: retention deleted events before it (the figures miss them). */
  truncatedPartitions: number[];
  /** From offset 0 (the earliest) to the ends captured at the start, into the shadow tables. */
  replayed: TopicCounts;
  /** From those ends to the ends right after the swap, into the live tables. */
  caughtUp: TopicCounts;
}

export interface RebuildSummary {
  /** The shadow schema's name: what the logs of this run mention. */
  schema: string;
  startedAt: Date;
  durationMs: number;
  phasesMs: { replay: number; swap: number; catchUp: number };
  topics: TopicRebuildSummary[];
  /** Rows of each read-model table once the rebuild is done. */
  tables: Array<{ table: string; rows: number }>;
  /** Schemas of earlier runs that crashed, dropped before this one started. */
  droppedLeftovers: string[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The summary as the CLI prints it: one line per topic and per table. */
export function formatRebuildSummary(s: RebuildSummary): string {
  const width = Math.max(...s.topics.map((t) => t.topic.length), ...s.tables.map((t) => t.table.length), 5);
  const lines = [
    `Read models rebuilt in ${seconds(s.durationMs)} (replay ${seconds(s.phasesMs.replay)}, swap ${seconds(
      s.phasesMs.swap,
    )}, catch-up ${seconds(s.phasesMs.catchUp)}); shadow schema ${s.schema}`,
    '',
    `${'topic'.padEnd(width)}  events  applied  bad  caught-up`,
  ];
  for (const t of s.topics) {
    const events = t.replayed.read;
    const applied = t.replayed.applied;
    const bad = t.replayed.bad + t.caughtUp.bad;
    lines.push(
      `${t.topic.padEnd(width)}  ${String(events).padStart(6)}  ${String(applied).padStart(7)}  ${String(bad).padStart(3)}  ${String(
        t.caughtUp.read,
      ).padStart(9)}`,
    );
    if (t.truncatedPartitions.length > 0) {
      lines.push(`  warning: partitions ${t.truncatedPartitions.join(', ')} no longer start at offset 0 (retention)`);
    }
  }
  lines.push('', `${'table'.padEnd(width)}  rows`);
  for (const t of s.tables) lines.push(`${t.table.padEnd(width)}  ${t.rows}`);
  if (s.droppedLeftovers.length > 0) lines.push('', `Dropped leftovers of earlier runs: ${s.droppedLeftovers.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

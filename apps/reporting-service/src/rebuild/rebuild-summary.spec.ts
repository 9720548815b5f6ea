import { formatRebuildSummary, RebuildSummary } from './rebuild-summary';

const summary: RebuildSummary = {
  schema: 'reporting_rebuild_20260302t010203_abcdef',
  startedAt: new Date('2026-03-02T01:02:03Z'),
  durationMs: 12_345,
  phasesMs: { replay: 11_000, swap: 40, catchUp: 1_305 },
  topics: [
    {
      topic: 'helpdesk.incident.incident.v1',
      partitions: 3,
      truncatedPartitions: [],
      replayed: { read: 10_000, applied: 9_998, bad: 2 },
      caughtUp: { read: 12, applied: 11, bad: 1 },
    },
    {
      topic: 'helpdesk.knowledge.article.v1',
      partitions: 3,
      truncatedPartitions: [2],
      replayed: { read: 40, applied: 40, bad: 0 },
      caughtUp: { read: 0, applied: 0, bad: 0 },
    },
  ],
  tables: [
    { table: 'incident_fact', rows: 2500 },
    { table: 'kb_view_fact', rows: 40 },
  ],
  droppedLeftovers: ['reporting_retired_20260301t000000_000000'],
};

describe('formatRebuildSummary', () => {
  it('prints the duration, events per topic, rows per table and what it had to clean up', () => {
    expect(formatRebuildSummary(summary).split('\n')).toEqual([
      'Read models rebuilt in 12.3 s (replay 11.0 s, swap 0.0 s, catch-up 1.3 s); shadow schema reporting_rebuild_20260302t010203_abcdef',
      '',
      'topic                          events  applied  bad  caught-up',
      'helpdesk.incident.incident.v1   10000     9998    3         12',
      'helpdesk.knowledge.article.v1      40       40    0          0',
      '  warning: partitions 2 no longer start at offset 0 (retention)',
      '',
      'table                          rows',
      'incident_fact                  2500',
      'kb_view_fact                   40',
      '',
      'Dropped leftovers of earlier runs: reporting_retired_20260301t000000_000000',
      '',
    ]);
  });
});

import {
  appendProblems,
  countDeviations,
  importOrder,
  largestIncidentNumber,
  outcomeDelta,
  plannedWrites,
  progressOf,
} from './import-job-progress';
import { ImportedIncidentPlan } from './servicenow/servicenow-incident-plan';

function plan(
  number: string,
  openedAt: string,
  stepTypes: string[] = [],
  deviations: string[] = [],
  problemId: string | null = null,
): ImportedIncidentPlan {
  return {
    number,
    externalKey: `servicenow:${number}`,
    opened: { at: new Date(openedAt) },
    steps: stepTypes.map((type) => ({ command: { type } })),
    deviations: deviations.map((kind) => ({ row: 2, kind, detail: '' })),
    finalRow: { problemId },
  } as unknown as ImportedIncidentPlan;
}

describe('import job bookkeeping', () => {
  it('turns each outcome into counter increments, with the problem of a skipped incident', () => {
    expect(outcomeDelta({ kind: 'created', incidentId: 'a', events: 7, steps: 6 })).toEqual({
      created: 1,
      unchanged: 0,
      skipped: 0,
      events: 7,
      steps: 6,
      problems: [],
    });
    expect(outcomeDelta({ kind: 'unchanged', incidentId: 'a' })).toMatchObject({ created: 0, unchanged: 1, events: 0, steps: 0 });
    const problem = { row: 5, field: 'number', reason: 'taken' };
    expect(outcomeDelta({ kind: 'skipped', problem })).toMatchObject({ skipped: 1, created: 0, problems: [problem] });
  });

  it('caps the stored problems but counts them all', () => {
    const p = (row: number) => ({ row, reason: `r${row}` });
    const first = appendProblems([], 0, [p(1), p(2), p(3)], 4);
    expect(first).toEqual({ problems: [p(1), p(2), p(3)], problemCount: 3 });
    const second = appendProblems(first.problems, first.problemCount, [p(4), p(5), p(6)], 4);
    expect(second.problems.map((x) => x.row)).toEqual([1, 2, 3, 4]);
    expect(second.problemCount).toBe(6);
    expect(appendProblems(second.problems, 6, [p(7)], 4)).toEqual({ problems: second.problems, problemCount: 7 });
  });

  it('reports progress over all incidents of the file, 100 % only once the job succeeded', () => {
    const base = { incidentsTotal: 8, incidentsCreated: 3, incidentsUnchanged: 1, incidentsSkipped: 1 };
    expect(progressOf({ ...base, state: 'running' })).toEqual({ incidentsDone: 5, incidentsTotal: 8, percent: 62 });
    expect(progressOf({ ...base, incidentsCreated: 6, state: 'running' })).toMatchObject({ incidentsDone: 8, percent: 99 });
    expect(progressOf({ ...base, incidentsCreated: 6, state: 'succeeded' }).percent).toBe(100);
    expect(
      progressOf({ state: 'queued', incidentsTotal: 0, incidentsCreated: 0, incidentsUnchanged: 0, incidentsSkipped: 0 }),
    ).toEqual({
      incidentsDone: 0,
      incidentsTotal: 0,
      percent: 0,
    });
    expect(
      progressOf({ state: 'succeeded', incidentsTotal: 0, incidentsCreated: 0, incidentsUnchanged: 0, incidentsSkipped: 0 })
        .percent,
    ).toBe(100);
  });

  it('imports in opened_at order, then by number, without reordering its input', () => {
    const input = [
      plan('INC0000050', '2016-03-01T10:00:00Z'),
      plan('INC0000049', '2016-03-01T09:00:00Z'),
      plan('INC0000047', '2016-03-01T10:00:00Z'),
    ];
    expect(importOrder(input).map((p) => p.number)).toEqual(['INC0000049', 'INC0000047', 'INC0000050']);
    expect(input[0].number).toBe('INC0000050');
  });

  it('finds the largest INC number (0 for none) and counts deviations by kind', () => {
    const plans = [
      plan('INC0000045', '2016-03-01T10:00:00Z', [], ['priority_differs']),
      plan('INC0001434', '2016-03-01T10:00:00Z', [], ['priority_differs', 'time_out_of_order']),
      plan('INC0000999', '2016-03-01T10:00:00Z'),
    ];
    expect(largestIncidentNumber(plans)).toBe(1434);
    expect(largestIncidentNumber([])).toBe(0);
    expect(countDeviations(plans)).toEqual({ priority_differs: 2, time_out_of_order: 1 });
  });

  it('predicts one IncidentCreated per incident and one event per step (none for a reply)', () => {
    const plans = [
      plan('INC1', '2016-03-01T10:00:00Z', ['assign', 'start', 'resolve', 'close']),
      plan('INC2', '2016-03-01T10:00:00Z', ['respond']),
    ];
    expect(plannedWrites(plans)).toEqual({ steps: 5, events: 2 + 4 });
  });

  it('predicts one incident.problem-linked more for an incident whose final record names a problem', () => {
    const plans = [
      plan('INC1', '2016-03-01T10:00:00Z', ['assign', 'start'], [], 'Problem ID  2'),
      plan('INC2', '2016-03-01T10:00:00Z', ['assign'], [], null),
    ];
    expect(plannedWrites(plans)).toEqual({ steps: 3, events: 2 + 3 + 1 });
  });
});

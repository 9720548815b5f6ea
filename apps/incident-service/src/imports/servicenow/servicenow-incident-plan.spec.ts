import { IncidentFacts } from '../../incidents/domain/incident-state-machine';
import {
  bindImportedIncidentCommand,
  buildImportedIncidentPlan,
  createImportedIncidentFacts,
  ImportedIncidentPlan,
  orderServiceNowRows,
  planServiceNowImport,
  planServiceNowImportStream,
  replayImportedIncidentPlan,
  SERVICENOW_STATE_MAP,
  ServiceNowImportOptions,
} from './servicenow-incident-plan';
import { parseServiceNowRow, ServiceNowRow } from './servicenow-row';

const COLUMNS = [
  'number',
  'incident_state',
  'active',
  'reassignment_count',
  'reopen_count',
  'sys_mod_count',
  'made_sla',
  'caller_id',
  'opened_by',
  'opened_at',
  'sys_created_by',
  'sys_created_at',
  'sys_updated_by',
  'sys_updated_at',
  'contact_type',
  'location',
  'category',
  'subcategory',
  'u_symptom',
  'cmdb_ci',
  'impact',
  'urgency',
  'priority',
  'assignment_group',
  'assigned_to',
  'knowledge',
  'u_priority_confirmation',
  'notify',
  'problem_id',
  'rfc',
  'vendor',
  'caused_by',
  'closed_code',
  'resolved_by',
  'resolved_at',
  'closed_at',
];

/** Values of the real file's first row; tests override what they are about. */
const BASE: Record<string, string> = {
  number: 'INC0000045',
  incident_state: 'New',
  active: 'TRUE',
  reassignment_count: '0',
  reopen_count: '0',
  sys_mod_count: '0',
  made_sla: 'TRUE',
  caller_id: 'Caller 2403',
  opened_by: 'Opened by  8',
  opened_at: '01-03-2016 08:00',
  sys_created_by: 'Created by 6',
  sys_created_at: '01-03-2016 08:00',
  sys_updated_by: 'Updated by 21',
  sys_updated_at: '01-03-2016 08:00',
  contact_type: 'Phone',
  location: 'Location 143',
  category: 'Category 55',
  subcategory: 'Subcategory 170',
  u_symptom: 'Symptom 72',
  cmdb_ci: '?',
  impact: '2 - Medium',
  urgency: '2 - Medium',
  priority: '3 - Moderate',
  assignment_group: 'Group 56',
  assigned_to: '?',
  knowledge: 'TRUE',
  u_priority_confirmation: 'FALSE',
  notify: 'Do Not Notify',
  problem_id: '?',
  rfc: '?',
  vendor: '?',
  caused_by: '?',
  closed_code: 'code 5',
  resolved_by: 'Resolved by 149',
  resolved_at: '02-03-2016 10:00',
  closed_at: '07-03-2016 11:00',
};

type Spec = [state: string, updatedAt: string, changes?: Record<string, string>];

/** One incident's rows: sys_mod_count counts up; changes carry over to later rows, as in the export. */
function incident(number: string, specs: Spec[]): Record<string, string>[] {
  let carried: Record<string, string> = {};
  return specs.map(([state, at, changes = {}], i) => {
    carried = { ...carried, ...changes };
    return { ...BASE, number, sys_mod_count: String(i), ...carried, incident_state: state, sys_updated_at: at };
  });
}

function toCsv(rows: Record<string, string>[]): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => quote(r[c] ?? '?')).join(','))].join('\r\n') + '\r\n';
}

function planOf(specs: Spec[], options: ServiceNowImportOptions = {}): ImportedIncidentPlan {
  const result = planServiceNowImport(toCsv(incident('INC0000001', specs)), options);
  expect(result.problems).toEqual([]);
  expect(result.plans).toHaveLength(1);
  return result.plans[0];
}

/** Steps as `type[:detail]@dd HH:MM` for compact expectations. */
function steps(plan: ImportedIncidentPlan): string[] {
  return plan.steps.map((s) => {
    const c = s.command;
    const detail =
      c.type === 'assign'
        ? `:${c.groupId}/${c.assigneeId ?? '-'}`
        : c.type === 'hold'
          ? `:${c.reason}`
          : c.type === 'resolve'
            ? `:${c.code}`
            : '';
    const at = s.at.toISOString();
    return `${c.type}${detail}@${at.slice(8, 10)} ${at.slice(11, 16)}`;
  });
}

/** The state after each row, replaying the plan's steps row by row. */
function statesByRow(plan: ImportedIncidentPlan): string[] {
  let facts: IncidentFacts = createImportedIncidentFacts(plan.opened);
  const { results } = replayImportedIncidentPlan(plan);
  return plan.rows.map((row) => {
    plan.steps.forEach((s, i) => {
      if (s.row === row) facts = results[i].facts;
    });
    return facts.state === 'on_hold' ? `on_hold:${facts.holdReason}` : facts.state;
  });
}

function typedRows(rows: Record<string, string>[]): ServiceNowRow[] {
  return rows.map((values, i) => parseServiceNowRow({ row: i + 2, values }).value!);
}

describe('ServiceNow incident plan', () => {
  it('replays New → Active → Resolved → Closed with historical times, resolving at resolved_at by resolved_by', () => {
    const plan = planOf([
      ['New', '01-03-2016 08:05'],
      ['Active', '01-03-2016 09:00', { assigned_to: 'Resolver 7', sys_updated_by: 'Updated by 30' }],
      ['Resolved', '02-03-2016 09:58'],
      ['Resolved', '02-03-2016 10:00'],
      ['Closed', '07-03-2016 11:00', { sys_updated_by: 'Updated by 908' }],
    ]);
    expect(plan.number).toBe('INC0000001');
    expect(plan.externalKey).toBe('servicenow:INC0000001');
    expect(steps(plan)).toEqual([
      'assign:Group 56/-@01 08:05',
      'assign:Group 56/Resolver 7@01 09:00',
      'start@01 09:00',
      'resolve:other@02 10:00',
      'close@07 11:00',
    ]);
    const resolve = plan.steps[3];
    expect(resolve.actorName).toBe('Resolved by 149');
    expect(resolve.command).toEqual({
      type: 'resolve',
      code: 'other',
      notes: 'Resolved in ServiceNow (INC0000001); ServiceNow closed_code: code 5.',
    });
    expect(plan.steps[1]).toMatchObject({
      groupName: 'Group 56',
      assigneeName: 'Resolver 7',
      actorName: 'Updated by 30',
      row: 3,
    });
    expect(statesByRow(plan)).toEqual(['assigned', 'in_progress', 'resolved', 'resolved', 'closed']);

    const { facts } = replayImportedIncidentPlan(plan);
    expect(facts).toMatchObject({
      state: 'closed',
      assignmentGroupId: 'Group 56',
      assigneeId: 'Resolver 7',
      resolvedById: 'Resolved by 149',
      resolvedAt: new Date('2016-03-02T10:00:00Z'),
      closedAt: new Date('2016-03-07T11:00:00Z'),
      assignedAt: new Date('2016-03-01T08:05:00Z'),
      firstResponseAt: new Date('2016-03-01T09:00:00Z'),
      reassignmentCount: 0,
      reopenCount: 0,
    });
    expect(plan.outcome).toMatchObject({ state: 'closed', reassignmentCount: 0, reopenCount: 0 });
    expect(plan.deviations).toEqual([]);
    expect(plan.finalRow).toMatchObject({
      state: 'Closed',
      mappedState: 'closed',
      closedCode: 'code 5',
      knowledge: true,
      madeSla: true,
    });
  });

  it('maps every ServiceNow state', () => {
    expect(SERVICENOW_STATE_MAP).toEqual({
      New: { state: 'new', holdReason: null },
      Active: { state: 'in_progress', holdReason: null },
      'Awaiting User Info': { state: 'on_hold', holdReason: 'awaiting_user' },
      'Awaiting Vendor': { state: 'on_hold', holdReason: 'awaiting_vendor' },
      'Awaiting Problem': { state: 'on_hold', holdReason: 'awaiting_problem' },
      'Awaiting Evidence': { state: 'on_hold', holdReason: 'awaiting_user' },
      Resolved: { state: 'resolved', holdReason: null },
      Closed: { state: 'closed', holdReason: null },
    });
  });

  it.each([
    ['Awaiting User Info', 'awaiting_user'],
    ['Awaiting Vendor', 'awaiting_vendor'],
    ['Awaiting Problem', 'awaiting_problem'],
    ['Awaiting Evidence', 'awaiting_user'],
  ])('puts %s on hold (%s), straight from New and from Active', (state, reason) => {
    const fromNew = planOf([
      ['New', '01-03-2016 08:05'],
      [state, '01-03-2016 09:00'],
      ['Resolved', '02-03-2016 10:00'],
      ['Closed', '07-03-2016 11:00'],
    ]);
    expect(steps(fromNew)).toEqual([
      'assign:Group 56/-@01 08:05',
      'start@01 09:00',
      `hold:${reason}@01 09:00`,
      'resume@02 10:00',
      'resolve:other@02 10:00',
      'close@07 11:00',
    ]);
    expect(statesByRow(fromNew)).toEqual(['assigned', `on_hold:${reason}`, 'resolved', 'closed']);
    const fromActive = planOf([
      ['Active', '01-03-2016 08:05'],
      [state, '01-03-2016 09:00'],
      ['Active', '01-03-2016 12:00'],
      ['Resolved', '02-03-2016 10:00'],
      ['Closed', '07-03-2016 11:00'],
    ]);
    expect(statesByRow(fromActive)).toEqual(['in_progress', `on_hold:${reason}`, 'in_progress', 'resolved', 'closed']);
    expect(fromActive.deviations).toEqual([]);
  });

  it('changes the hold reason with resume then hold', () => {
    const plan = planOf([
      ['Active', '01-03-2016 08:05'],
      ['Awaiting User Info', '01-03-2016 09:00'],
      ['Awaiting Vendor', '01-03-2016 10:00'],
      ['Awaiting Vendor', '01-03-2016 11:00'],
      ['Resolved', '02-03-2016 10:00'],
      ['Closed', '07-03-2016 11:00'],
    ]);
    expect(steps(plan).slice(2, 6)).toEqual([
      'hold:awaiting_user@01 09:00',
      'resume@01 10:00',
      'hold:awaiting_vendor@01 10:00',
      'resume@02 10:00',
    ]);
  });

  it('resolves straight from New (start, then resolve) and treats extra Closed rows as nothing new', () => {
    const plan = planOf([
      ['New', '01-03-2016 08:05'],
      ['Resolved', '02-03-2016 10:00'],
      ['Closed', '07-03-2016 11:00'],
      ['Closed', '20-03-2016 16:27'],
    ]);
    expect(steps(plan)).toEqual(['assign:Group 56/-@01 08:05', 'start@02 10:00', 'resolve:other@02 10:00', 'close@07 11:00']);
    expect(plan.deviations).toEqual([]);
  });

  it('replays a reopen (Resolved → Active) even 8 days after the resolution, and resolves again', () => {
    const plan = planOf([
      ['Active', '01-03-2016 08:05', { resolved_at: '15-03-2016 10:00', closed_at: '20-03-2016 11:00' }],
      ['Resolved', '02-03-2016 09:00'],
      ['Active', '10-03-2016 09:30', { reopen_count: '1' }],
      ['Awaiting User Info', '11-03-2016 09:00'],
      ['Resolved', '15-03-2016 10:00'],
      ['Closed', '20-03-2016 11:00'],
    ]);
    expect(steps(plan)).toEqual([
      'assign:Group 56/-@01 08:05',
      'start@01 08:05',
      'resolve:other@02 09:00',
      'reopen@10 09:30',
      'hold:awaiting_user@11 09:00',
      'resume@15 10:00',
      'resolve:other@15 10:00',
      'close@20 11:00',
    ]);
    const firstResolve = plan.steps[2];
    expect(firstResolve.actorName).toBe('Updated by 21');
    expect(firstResolve.command).toMatchObject({ notes: expect.stringContaining('keeps only the final resolution') });
    expect(plan.steps[6].actorName).toBe('Resolved by 149');
    expect(plan.outcome).toMatchObject({ state: 'closed', reopenCount: 1 });
    expect(plan.deviations).toEqual([]);
  });

  it('reopens into a hold when the row after Resolved is an Awaiting state', () => {
    const plan = planOf([
      ['Active', '01-03-2016 08:05', { resolved_at: '15-03-2016 10:00' }],
      ['Resolved', '02-03-2016 09:00'],
      ['Awaiting Problem', '03-03-2016 09:30', { reopen_count: '1' }],
      ['Resolved', '15-03-2016 10:00'],
      ['Closed', '20-03-2016 11:00'],
    ]);
    expect(statesByRow(plan)).toEqual(['in_progress', 'resolved', 'on_hold:awaiting_problem', 'resolved', 'closed']);
    expect(plan.outcome.reopenCount).toBe(1);
  });

  it('counts a reassignment for each change of group after the first assignment, as reassignment_count does', () => {
    const plan = planOf([
      ['New', '01-03-2016 08:05', { assignment_group: 'Group 70' }],
      ['New', '01-03-2016 08:30', { assignment_group: 'Group 25', reassignment_count: '1' }],
      ['Active', '01-03-2016 09:00', { assignment_group: 'Group 73', reassignment_count: '2', assigned_to: 'Resolver 198' }],
      ['Awaiting User Info', '01-03-2016 10:00'],
      ['Awaiting User Info', '01-03-2016 11:00', { assignment_group: 'Group 23', reassignment_count: '3', assigned_to: '?' }],
      ['Resolved', '02-03-2016 10:00'],
      ['Closed', '07-03-2016 11:00'],
    ]);
    expect(steps(plan)).toEqual([
      'assign:Group 70/-@01 08:05',
      'assign:Group 25/-@01 08:30',
      'assign:Group 73/Resolver 198@01 09:00',
      'start@01 09:00',
      'hold:awaiting_user@01 10:00',
      // A new group takes it into its queue (assigned); it is still waiting on the user.
      'assign:Group 23/-@01 11:00',
      'start@01 11:00',
      'hold:awaiting_user@01 11:00',
      'resume@02 10:00',
      'resolve:other@02 10:00',
      'close@07 11:00',
    ]);
    const { results } = replayImportedIncidentPlan(plan);
    expect(results.map((r) => r.reassigned)).toEqual([false, true, true, false, false, true, false, false, false, false, false]);
    expect(plan.outcome.reassignmentCount).toBe(3);
    expect(plan.deviations).toEqual([]);
  });

  it("assigns a '?' group to the fallback group, so that leaving it counts as ServiceNow counts it", () => {
    const specs: Spec[] = [
      ['New', '01-03-2016 08:05', { assignment_group: '?' }],
      ['New', '01-03-2016 08:30', { assignment_group: 'Group 70', reassignment_count: '1' }],
      ['Active', '01-03-2016 09:00', { assignment_group: '?', reassignment_count: '2' }],
      ['Resolved', '02-03-2016 10:00'],
      ['Closed', '07-03-2016 11:00'],
    ];
    const plan = planOf(specs);
    expect(steps(plan).slice(0, 3)).toEqual([
      'assign:Service Desk/-@01 08:05',
      'assign:Group 70/-@01 08:30',
      'assign:Service Desk/-@01 09:00',
    ]);
    expect(plan.outcome.reassignmentCount).toBe(2);
    expect(plan.deviations).toEqual([]);
    expect(planOf(specs, { fallbackGroupName: 'Tier 1' }).steps[0]).toMatchObject({ groupName: 'Tier 1' });
  });

  it('reports a reassignment_count increase the rows do not show (same group before and after)', () => {
    const plan = planOf([
      ['New', '01-03-2016 08:05', { assigned_to: 'Resolver 4' }],
      ['Active', '01-03-2016 09:00', { reassignment_count: '1' }],
      ['Resolved', '02-03-2016 10:00'],
      ['Closed', '07-03-2016 11:00'],
    ]);
    expect(plan.outcome.reassignmentCount).toBe(0);
    expect(plan.finalRow.reassignmentCount).toBe(1);
    expect(plan.deviations).toEqual([
      {
        row: 3,
        kind: 'reassignment_count_differs',
        detail:
          'reassignment_count moved by 1 in the file, by 0 in the replay: the row shows no change of assignment_group (Group 56 before and after)',
      },
    ]);
  });

  it('does not replay a change of group or assignee on a Resolved row, and says so', () => {
    const plan = planOf([
      ['Active', '01-03-2016 08:05'],
      ['Resolved', '02-03-2016 09:00'],
      ['Resolved', '02-03-2016 10:00', { assignment_group: 'Group 23', reassignment_count: '1', assigned_to: 'Resolver 9' }],
      ['Closed', '07-03-2016 11:00'],
    ]);
    expect(steps(plan)).toEqual(['assign:Group 56/-@01 08:05', 'start@01 08:05', 'resolve:other@02 10:00', 'close@07 11:00']);
    expect(plan.deviations.map((d) => [d.row, d.kind])).toEqual([
      [4, 'change_after_resolution'],
      [4, 'reassignment_count_differs'],
    ]);
    expect(plan.deviations[0].detail).toBe(
      'assignment_group Group 56 → Group 23, assigned_to ? → Resolver 9 on a Resolved row: not replayed (a resolved incident takes no changes)',
    );
  });

  it('replays impact, urgency and category changes as update (priority re-derived), and notes a file priority that differs', () => {
    const plan = planOf([
      ['New', '01-03-2016 08:05', { impact: '3 - Low', urgency: '3 - Low', priority: '4 - Low' }],
      ['Active', '01-03-2016 09:00', { impact: '1 - High', urgency: '2 - Medium', priority: '2 - High', category: 'Category 9' }],
      ['Resolved', '02-03-2016 10:00'],
      ['Closed', '07-03-2016 11:00'],
    ]);
    expect(plan.opened).toMatchObject({ impact: 3, urgency: 3, priority: 5, filePriority: 4 });
    expect(plan.steps[1].command).toEqual({ type: 'update', impact: 1, urgency: 2, category: 'Category 9' });
    expect(replayImportedIncidentPlan(plan).facts).toMatchObject({ impact: 1, urgency: 2, priority: 2, category: 'Category 9' });
    expect(plan.deviations).toEqual([
      { row: 2, kind: 'priority_differs', detail: 'ServiceNow priority 4 for impact 3 × urgency 3; ours is derived: P5' },
    ]);
  });

  it('fills the opening from the first row', () => {
    const plan = planOf([
      ['New', '01-03-2016 08:05', { cmdb_ci: 'WBS000162' }],
      ['Resolved', '02-03-2016 10:00'],
      ['Closed', '07-03-2016 11:00'],
    ]);
    expect(plan.opened).toMatchObject({
      at: new Date('2016-03-01T08:00:00Z'),
      callerName: 'Caller 2403',
      openedByName: 'Opened by  8',
      channel: 'phone',
      contactType: 'Phone',
      category: 'Category 55',
      subcategory: 'Subcategory 170',
      symptom: 'Symptom 72',
      ciName: 'WBS000162',
      impact: 2,
      urgency: 2,
      priority: 3,
      locationName: 'Location 143',
      shortDescription: 'INC0000001 imported from ServiceNow',
    });
  });

  it.each([
    ['Phone', 'phone'],
    ['IVR', 'phone'],
    ['Email', 'email'],
    ['Self service', 'portal'],
    ['self-service', 'portal'],
    ['Walk in', 'walk_in'],
    ['Chat', 'chat'],
    ['Direct opening', 'api'],
  ])('maps contact_type %s to channel %s', (contactType, channel) => {
    const plan = planOf([
      ['New', '01-03-2016 08:05', { contact_type: contactType }],
      ['Closed', '07-03-2016 11:00'],
    ]);
    expect(plan.opened.channel).toBe(channel);
  });

  it('leaves out an incident with an unknown contact_type unless a mapping or fallback channel is given', () => {
    const rows = [
      ...incident('INC0000001', [['New', '01-03-2016 08:05', { contact_type: 'Carrier pigeon' }]]),
      ...incident('INC0000002', [['New', '01-03-2016 08:05']]),
    ];
    const result = planServiceNowImport(toCsv(rows));
    expect(result.plans.map((p) => p.number)).toEqual(['INC0000002']);
    expect(result.skippedIncidents).toEqual(['INC0000001']);
    expect(result.problems).toEqual([
      {
        row: 2,
        field: 'contact_type',
        reason: expect.stringMatching(/^Unknown contact_type 'Carrier pigeon' of INC0000001: map it/),
      },
    ]);
    expect(planServiceNowImport(toCsv(rows), { channelMap: { 'Carrier Pigeon': 'email' } }).plans[0].opened.channel).toBe(
      'email',
    );
    expect(planServiceNowImport(toCsv(rows), { unknownChannel: 'phone' }).plans).toHaveLength(2);
  });

  it('maps closed_code through resolutionCodeMap, keeping the original in the notes', () => {
    const plan = planOf(
      [
        ['Active', '01-03-2016 08:05', { closed_code: 'code 6' }],
        ['Resolved', '02-03-2016 10:00'],
        ['Closed', '07-03-2016 11:00'],
      ],
      { resolutionCodeMap: { 'code 6': 'solved_remotely' } },
    );
    expect(plan.steps.find((s) => s.command.type === 'resolve')?.command).toEqual({
      type: 'resolve',
      code: 'solved_remotely',
      notes: 'Resolved in ServiceNow (INC0000001); ServiceNow closed_code: code 6.',
    });
  });

  it('leaves out an incident with a bad row, names the row, and keeps the others', () => {
    const rows = [
      ...incident('INC0000001', [
        ['New', '01-03-2016 08:05'],
        ['Active', '32-03-2016 09:00'],
      ]),
      ...incident('INC0000002', [['New', '01-03-2016 08:05']]),
    ];
    const result = planServiceNowImport(toCsv(rows));
    expect(result.rowCount).toBe(3);
    expect(result.plans.map((p) => p.number)).toEqual(['INC0000002']);
    expect(result.skippedIncidents).toEqual(['INC0000001']);
    expect(result.problems).toEqual([
      { row: 3, field: 'sys_updated_at', reason: "'32-03-2016 09:00' is not a date and time as dd-mm-yyyy HH:MM" },
    ]);
  });

  it('passes on the CSV parser problems', () => {
    const csv = toCsv(incident('INC0000001', [['New', '01-03-2016 08:05']])) + 'INC0000002,New\r\n';
    expect(planServiceNowImport(csv).problems).toEqual([{ row: 3, reason: 'Expected 36 fields as in the header, found 2' }]);
  });

  it('gives the same plans from a stream of byte chunks as from the text', async () => {
    const csv = toCsv([
      ...incident('INC0000001', [
        ['New', '01-03-2016 08:05'],
        ['Active', '01-03-2016 09:00', { u_symptom: 'Says "it, broke"' }],
        ['Resolved', '02-03-2016 10:00'],
        ['Closed', '07-03-2016 11:00'],
      ]),
      ...incident('INC0000002', [['New', '01-03-2016 08:05']]),
    ]);
    const bytes = Buffer.from(csv, 'utf8');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    }
    expect(await planServiceNowImportStream(chunks())).toEqual(planServiceNowImport(csv));
  });

  describe('row order', () => {
    it('follows sys_updated_at when a first row carries a repeated sys_mod_count (INC0000130 in the sample)', () => {
      const rows = typedRows(
        incident('INC0000130', [
          ['New', '29-02-2016 07:27', { assignment_group: 'Group 72', sys_mod_count: '2' }],
          ['New', '29-02-2016 09:59', { assignment_group: 'Group 73', reassignment_count: '1', sys_mod_count: '1' }],
          ['Active', '01-03-2016 14:13', { sys_mod_count: '2' }],
          ['Resolved', '03-03-2016 10:16', { sys_mod_count: '3' }],
        ]),
      );
      expect(orderServiceNowRows(rows).map((r) => r.row)).toEqual([2, 3, 4, 5]);
    });

    it('keeps open rows before the resolution when a row is stamped after it (INC0000137 in the sample)', () => {
      const rows = typedRows(
        incident('INC0000137', [
          ['New', '29-02-2016 11:10', { sys_mod_count: '1' }],
          ['New', '29-02-2016 09:52', { sys_mod_count: '1' }],
          ['Resolved', '29-02-2016 11:03', { sys_mod_count: '2' }],
          ['Closed', '05-03-2016 12:00', { sys_mod_count: '3' }],
        ]),
      );
      expect(orderServiceNowRows(rows).map((r) => r.row)).toEqual([3, 2, 4, 5]);
      expect(buildImportedIncidentPlan(rows).plan?.outcome.reopenCount).toBe(0);
    });

    it('orders rows of the same minute by sys_mod_count, and shuffled rows like sorted ones', () => {
      const rows = typedRows(
        incident('INC0000001', [
          ['Active', '01-03-2016 08:05'],
          ['Awaiting User Info', '01-03-2016 08:05'],
          ['Active', '01-03-2016 08:05'],
          ['Resolved', '02-03-2016 10:00'],
          ['Active', '03-03-2016 10:00', { reopen_count: '1' }],
          ['Resolved', '03-03-2016 11:00'],
          ['Closed', '07-03-2016 11:00'],
        ]),
      );
      const shuffled = [rows[6], rows[2], rows[4], rows[0], rows[5], rows[1], rows[3]];
      expect(orderServiceNowRows(shuffled)).toEqual(rows);
      expect(buildImportedIncidentPlan(shuffled).plan?.steps).toEqual(buildImportedIncidentPlan(rows).plan?.steps);
    });
  });

  it('flags a step earlier than opened_at (opened_at edited after creation)', () => {
    const plan = planOf([
      ['New', '29-02-2016 07:27', { opened_at: '29-02-2016 09:41' }],
      ['Resolved', '02-03-2016 10:00'],
      ['Closed', '07-03-2016 11:00'],
    ]);
    expect(plan.deviations).toEqual([
      {
        row: 2,
        kind: 'time_out_of_order',
        detail: 'assign at 2016-02-29T07:27:00.000Z is earlier than opened_at (2016-02-29T09:41:00.000Z)',
      },
    ]);
  });

  it('binds ServiceNow names to our ids', () => {
    const ids = { groupId: (n: string) => `g:${n}`, userId: (n: string) => `u:${n}`, ciId: (n: string) => `ci:${n}` };
    expect(bindImportedIncidentCommand({ type: 'assign', groupId: 'Group 56', assigneeId: 'Resolver 7' }, ids)).toEqual({
      type: 'assign',
      groupId: 'g:Group 56',
      assigneeId: 'u:Resolver 7',
    });
    expect(bindImportedIncidentCommand({ type: 'assign', groupId: 'Group 56', assigneeId: null }, ids)).toEqual({
      type: 'assign',
      groupId: 'g:Group 56',
      assigneeId: null,
    });
    expect(bindImportedIncidentCommand({ type: 'update', ciId: 'WBS1' }, ids)).toEqual({ type: 'update', ciId: 'ci:WBS1' });
    expect(bindImportedIncidentCommand({ type: 'start' }, ids)).toEqual({ type: 'start' });
  });
});

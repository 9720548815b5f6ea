import { parseServiceNowChoice, parseServiceNowRow, parseServiceNowTimestamp } from './servicenow-row';

/** One row of the export as the CSV parser hands it over (values from the real file's first row). */
function record(overrides: Record<string, string> = {}, row = 2) {
  return {
    row,
    values: {
      number: 'INC0000045',
      incident_state: 'New',
      active: 'TRUE',
      reassignment_count: '0',
      reopen_count: '0',
      sys_mod_count: '0',
      made_sla: 'TRUE',
      caller_id: 'Caller 2403',
      opened_by: 'Opened by  8',
      opened_at: '29-02-2016 01:16',
      sys_created_by: 'Created by 6',
      sys_created_at: '29-02-2016 01:23',
      sys_updated_by: 'Updated by 21',
      sys_updated_at: '29-02-2016 01:23',
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
      resolved_at: '29-02-2016 11:29',
      closed_at: '05-03-2016 12:00',
      ...overrides,
    },
  };
}

describe('parseServiceNowRow', () => {
  it('types a real row: ? is null, dates are UTC, levels and priority are numbers, booleans and counters typed', () => {
    const { value, problems } = parseServiceNowRow(record());
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      row: 2,
      number: 'INC0000045',
      incidentState: 'New',
      active: true,
      reassignmentCount: 0,
      sysModCount: 0,
      madeSla: true,
      callerId: 'Caller 2403',
      openedBy: 'Opened by  8',
      openedAt: new Date('2016-02-29T01:16:00Z'),
      sysUpdatedAt: new Date('2016-02-29T01:23:00Z'),
      cmdbCi: null,
      impact: 2,
      urgency: 2,
      priority: 3,
      assignmentGroup: 'Group 56',
      assignedTo: null,
      knowledge: true,
      priorityConfirmation: false,
      problemId: null,
      closedCode: 'code 5',
      resolvedAt: new Date('2016-02-29T11:29:00Z'),
      closedAt: new Date('2016-03-05T12:00:00Z'),
    });
  });

  it('treats optional columns that are absent or empty as unknown', () => {
    const r = record({ location: '' });
    delete (r.values as Record<string, string>)['vendor'];
    const { value, problems } = parseServiceNowRow(r);
    expect(problems).toEqual([]);
    expect(value?.location).toBeNull();
    expect(value?.vendor).toBeNull();
  });

  it('reports each bad value with its row and column, and returns no row', () => {
    const { value, problems } = parseServiceNowRow(
      record(
        {
          incident_state: 'Pending',
          reassignment_count: '-1',
          sys_mod_count: '1.5',
          made_sla: 'yes',
          opened_at: '2016-02-29 01:16',
          closed_at: '31-02-2016 12:00',
          impact: '4 - Tiny',
          priority: 'urgent',
        },
        7,
      ),
    );
    expect(value).toBeNull();
    expect(problems).toEqual([
      { row: 7, field: 'incident_state', reason: expect.stringContaining("Unknown state 'Pending'") },
      { row: 7, field: 'reassignment_count', reason: "'-1' is not a non-negative whole number" },
      { row: 7, field: 'sys_mod_count', reason: "'1.5' is not a non-negative whole number" },
      { row: 7, field: 'made_sla', reason: "'yes' is not TRUE or FALSE" },
      { row: 7, field: 'opened_at', reason: "'2016-02-29 01:16' is not a date and time as dd-mm-yyyy HH:MM" },
      { row: 7, field: 'impact', reason: "'4 - Tiny' is not a level from 1 to 3 such as '2 - Medium'" },
      { row: 7, field: 'priority', reason: "'urgent' is not a level from 1 to 5 such as '3 - Moderate'" },
      { row: 7, field: 'closed_at', reason: "'31-02-2016 12:00' is not a date and time as dd-mm-yyyy HH:MM" },
    ]);
  });

  it('requires the fields the import cannot do without', () => {
    const { problems } = parseServiceNowRow(
      record({ number: '?', sys_updated_at: '?', urgency: '?', reopen_count: '', incident_state: '?' }),
    );
    expect(problems.map((p) => p.field)).toEqual(['number', 'incident_state', 'reopen_count', 'sys_updated_at', 'urgency']);
    expect(problems[0]).toEqual({ row: 2, field: 'number', reason: "number is required (found '?')" });
  });

  it('refuses a number that is not an incident number', () => {
    expect(parseServiceNowRow(record({ number: 'CHG0000047' })).problems).toEqual([
      { row: 2, field: 'number', reason: "'CHG0000047' is not an incident number (INC…)" },
    ]);
  });
});

describe('parseServiceNowTimestamp', () => {
  it.each([
    ['29-02-2016 01:16', '2016-02-29T01:16:00.000Z'],
    ['31-12-2016 23:59', '2016-12-31T23:59:00.000Z'],
    ['01-01-2017 00:00', '2017-01-01T00:00:00.000Z'],
  ])('%s is %s (UTC)', (text, iso) => {
    expect(parseServiceNowTimestamp(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '29-02-2015 01:16',
    '31-04-2016 10:00',
    '00-01-2016 10:00',
    '01-13-2016 10:00',
    '01-01-2016 24:00',
    '01-01-2016 10:60',
    '1-1-2016 1:16',
    '01/01/2016 10:00',
    '',
  ])('refuses %p', (text) => {
    expect(parseServiceNowTimestamp(text)).toBeNull();
  });
});

describe('parseServiceNowChoice', () => {
  it('reads the leading level of a choice label', () => {
    expect(parseServiceNowChoice('1 - High', 3)).toBe(1);
    expect(parseServiceNowChoice('3 - Low', 3)).toBe(3);
    expect(parseServiceNowChoice('5 - Planning', 5)).toBe(5);
    expect(parseServiceNowChoice('2', 3)).toBe(2);
    expect(parseServiceNowChoice('0 - None', 3)).toBeNull();
    expect(parseServiceNowChoice('4 - Low', 3)).toBeNull();
    expect(parseServiceNowChoice('High', 3)).toBeNull();
  });
});

import { importedSourceRecord, SERVICENOW_SOURCE, toImportedIncidentEntity } from './imported-incident.mapper';
import { SERVICENOW_ID_RESOLVER } from './servicenow-directory-ids';
import { ImportedIncidentPlan, planServiceNowImport } from './servicenow-incident-plan';

const HEADER =
  'number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,opened_by,opened_at,' +
  'sys_created_by,sys_created_at,sys_updated_by,sys_updated_at,contact_type,location,category,subcategory,u_symptom,' +
  'cmdb_ci,impact,urgency,priority,assignment_group,assigned_to,knowledge,u_priority_confirmation,notify,problem_id,' +
  'rfc,vendor,caused_by,closed_code,resolved_by,resolved_at,closed_at';

/** The tail every row below shares (assignment_group onwards), but for closed_code, resolved_by, resolved_at, closed_at. */
const tail = (group: string, resolvedAt: string, closedAt: string) =>
  `${group},?,TRUE,FALSE,Do Not Notify,?,?,?,?,code 5,Resolved by 149,${resolvedAt},${closedAt}`;
const head = (number: string, state: string, counters: string, madeSla: string, updatedAt: string) =>
  `${number},${state},${counters},${madeSla},Caller 2403,Opened by  8,29-02-2016 01:16,Created by 6,29-02-2016 01:23,` +
  `Updated by 21,${updatedAt},Phone,Location 143,Category 55,Subcategory 170,Symptom 72,?,2 - Medium,2 - Medium,3 - Moderate`;

// INC0000045 and INC0000093 as in the sample file (93's resolved_at is '?'); INC0000500 is reopened, reassigned, and its
// final row says the SLA was missed though the earlier ones said it was made.
const CSV = [
  HEADER,
  `${head('INC0000045', 'New', 'TRUE,0,0,0', 'TRUE', '29-02-2016 01:23')},${tail('Group 56', '29-02-2016 11:29', '05-03-2016 12:00')}`,
  `${head('INC0000045', 'Resolved', 'TRUE,0,0,2', 'TRUE', '29-02-2016 08:53')},${tail('Group 56', '29-02-2016 11:29', '05-03-2016 12:00')}`,
  `${head('INC0000045', 'Closed', 'FALSE,0,0,4', 'TRUE', '05-03-2016 12:00')},${tail('Group 56', '29-02-2016 11:29', '05-03-2016 12:00')}`,
  `${head('INC0000093', 'Resolved', 'TRUE,0,0,0', 'TRUE', '29-02-2016 08:56')},${tail('Group 70', '?', '05-03-2016 10:00')}`,
  `${head('INC0000093', 'Closed', 'FALSE,0,0,1', 'TRUE', '05-03-2016 10:00')},${tail('Group 70', '?', '05-03-2016 10:00')}`,
  `${head('INC0000500', 'Active', 'TRUE,0,0,0', 'TRUE', '29-02-2016 02:00')},${tail('Group 1', '02-03-2016 09:00', '08-03-2016 09:00')}`,
  `${head('INC0000500', 'Resolved', 'TRUE,0,0,1', 'TRUE', '29-02-2016 03:00')},${tail('Group 1', '02-03-2016 09:00', '08-03-2016 09:00')}`,
  `${head('INC0000500', 'Active', 'TRUE,1,1,2', 'TRUE', '01-03-2016 10:00')},${tail('Group 2', '02-03-2016 09:00', '08-03-2016 09:00')}`,
  `${head('INC0000500', 'Resolved', 'TRUE,1,1,3', 'FALSE', '02-03-2016 09:00')},${tail('Group 2', '02-03-2016 09:00', '08-03-2016 09:00')}`,
].join('\r\n');

describe('the source record of an imported incident', () => {
  let plans: Map<string, ImportedIncidentPlan>;

  beforeAll(() => {
    const result = planServiceNowImport(CSV);
    expect(result.problems).toEqual([]);
    plans = new Map(result.plans.map((p) => [p.number, p]));
  });

  it("is ServiceNow's final row: counters, made_sla and resolved_at", () => {
    expect(importedSourceRecord(plans.get('INC0000045')!)).toEqual({
      system: 'servicenow',
      externalKey: 'servicenow:INC0000045',
      reassignmentCount: 0,
      reopenCount: 0,
      resolutionSlaMet: true,
      resolvedAt: '2016-02-29T11:29:00.000Z',
    });
    expect(importedSourceRecord(plans.get('INC0000500')!)).toEqual({
      system: 'servicenow',
      externalKey: 'servicenow:INC0000500',
      reassignmentCount: 1,
      reopenCount: 1,
      resolutionSlaMet: false,
      resolvedAt: '2016-03-02T09:00:00.000Z',
    });
  });

  it("has no resolvedAt when the file's is '?', though the replay resolves the incident at the Resolved row", () => {
    const plan = plans.get('INC0000093')!;
    expect(importedSourceRecord(plan)).toMatchObject({ resolvedAt: null, resolutionSlaMet: true });
    expect(plan.steps.find((s) => s.command.type === 'resolve')?.at.toISOString()).toBe('2016-02-29T08:56:00.000Z');
  });

  it('says the SLA verdict is unknown when the final row has made_sla `?`', () => {
    const unknown = planServiceNowImport(CSV.replace(/FALSE,0,0,4,TRUE,/, 'FALSE,0,0,4,?,')).plans[0];
    expect(unknown.number).toBe('INC0000045');
    expect(importedSourceRecord(unknown).resolutionSlaMet).toBeNull();
  });

  it('is set on the incident the import inserts, with its source and external key', () => {
    const entity = toImportedIncidentEntity(plans.get('INC0000500')!, SERVICENOW_ID_RESOLVER);
    expect(entity).toMatchObject({
      source: SERVICENOW_SOURCE,
      externalKey: 'servicenow:INC0000500',
      // The incident starts as opened; only the source record holds the file's final counters.
      reassignmentCount: 0,
      reopenCount: 0,
      sourceRecord: importedSourceRecord(plans.get('INC0000500')!),
    });
  });
});

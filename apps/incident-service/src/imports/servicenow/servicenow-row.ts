import { Impact, Priority, Urgency } from '../../incidents/domain/priority-matrix';
import { ServiceNowCsvRecord, ServiceNowImportProblem } from './servicenow-csv.parser';

/**
 * Typed reading of one row of the ServiceNow incident event log: `?` (or an empty cell) is null,
 * timestamps `dd-mm-yyyy HH:MM` are UTC dates, `2 - Medium` is 2, TRUE/FALSE are booleans, counters are
 * non-negative integers. Bad values become problems naming the row (header = row 1) and the column.
 */

export const SERVICENOW_INCIDENT_STATES = [
  'New',
  'Active',
  'Awaiting User Info',
  'Awaiting Vendor',
  'Awaiting Problem',
  'Awaiting Evidence',
  'Resolved',
  'Closed',
] as const;
export type ServiceNowIncidentState = (typeof SERVICENOW_INCIDENT_STATES)[number];

/** The export's spelling of an unknown value. */
export const SERVICENOW_UNKNOWN = '?';

/** One audit row: the incident as it was after one update (sys_mod_count). */
export interface ServiceNowRow {
  /** CSV row number (header = row 1). */
  row: number;
  number: string;
  incidentState: ServiceNowIncidentState;
  active: boolean | null;
  reassignmentCount: number;
  reopenCount: number;
  sysModCount: number;
  madeSla: boolean | null;
  callerId: string | null;
  openedBy: string | null;
  openedAt: Date;
  sysCreatedBy: string | null;
  sysCreatedAt: Date | null;
  sysUpdatedBy: string | null;
  sysUpdatedAt: Date;
  contactType: string | null;
  location: string | null;
  category: string | null;
  subcategory: string | null;
  symptom: string | null;
  cmdbCi: string | null;
  impact: Impact;
  urgency: Urgency;
  /** The priority ServiceNow stored (ours is derived from impact × urgency). */
  priority: Priority | null;
  assignmentGroup: string | null;
  assignedTo: string | null;
  knowledge: boolean | null;
  priorityConfirmation: boolean | null;
  notify: string | null;
  problemId: string | null;
  rfc: string | null;
  vendor: string | null;
  causedBy: string | null;
  closedCode: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
}

export interface ServiceNowRowResult {
  /** Null when the row has problems (it is then left out of the import). */
  value: ServiceNowRow | null;
  problems: ServiceNowImportProblem[];
}

const TIMESTAMP = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2})$/;
const CHOICE = /^(\d+)(?:\s+-\s+.*)?$/;
const COUNTER = /^\d{1,9}$/;
const INCIDENT_NUMBER = /^INC\d+$/;

/** `dd-mm-yyyy HH:MM` (UTC) → Date; null when the text is not a real date and time in that format. */
export function parseServiceNowTimestamp(text: string): Date | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const [day, month, year, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  // Date.UTC rolls 31-02 over into March: a real date keeps its day and month.
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  return date;
}

/** `2 - Medium` (or `2`) → 2 when it lies in [1, max]; null otherwise. */
export function parseServiceNowChoice(text: string, max: number): number | null {
  const m = CHOICE.exec(text);
  if (!m) return null;
  const value = Number(m[1]);
  return value >= 1 && value <= max ? value : null;
}

/** Reads the typed fields of one CSV record. */
export function parseServiceNowRow(record: ServiceNowCsvRecord): ServiceNowRowResult {
  const problems: ServiceNowImportProblem[] = [];
  const { row, values } = record;
  const problem = (field: string, reason: string) => problems.push({ row, field, reason });

  const text = (field: string): string | null => {
    const raw = values[field];
    if (raw === undefined) return null;
    const value = raw.trim();
    return value === '' || value === SERVICENOW_UNKNOWN ? null : value;
  };
  const required = (field: string): string | null => {
    const value = text(field);
    if (value === null) problem(field, `${field} is required (found '${values[field] ?? ''}')`);
    return value;
  };
  const date = (field: string, isRequired = false): Date | null => {
    const value = isRequired ? required(field) : text(field);
    if (value === null) return null;
    const parsed = parseServiceNowTimestamp(value);
    if (!parsed) problem(field, `'${value}' is not a date and time as dd-mm-yyyy HH:MM`);
    return parsed;
  };
  const counter = (field: string): number => {
    const value = required(field);
    if (value === null) return 0;
    if (!COUNTER.test(value)) problem(field, `'${value}' is not a non-negative whole number`);
    return Number(value);
  };
  const bool = (field: string): boolean | null => {
    const value = text(field);
    if (value === null) return null;
    const upper = value.toUpperCase();
    if (upper === 'TRUE') return true;
    if (upper === 'FALSE') return false;
    problem(field, `'${value}' is not TRUE or FALSE`);
    return null;
  };
  const choice = (field: string, max: number, isRequired: boolean, example: string): number | null => {
    const value = isRequired ? required(field) : text(field);
    if (value === null) return null;
    const parsed = parseServiceNowChoice(value, max);
    if (parsed === null) problem(field, `'${value}' is not a level from 1 to ${max} such as '${example}'`);
    return parsed;
  };

  const number = required('number');
  if (number !== null && !INCIDENT_NUMBER.test(number)) problem('number', `'${number}' is not an incident number (INC…)`);
  const state = required('incident_state');
  if (state !== null && !(SERVICENOW_INCIDENT_STATES as readonly string[]).includes(state)) {
    problem('incident_state', `Unknown state '${state}'; expected one of ${SERVICENOW_INCIDENT_STATES.join(', ')}`);
  }

  const value: ServiceNowRow = {
    row,
    number: number ?? '',
    incidentState: state as ServiceNowIncidentState,
    active: bool('active'),
    reassignmentCount: counter('reassignment_count'),
    reopenCount: counter('reopen_count'),
    sysModCount: counter('sys_mod_count'),
    madeSla: bool('made_sla'),
    callerId: text('caller_id'),
    openedBy: text('opened_by'),
    openedAt: date('opened_at', true) as Date,
    sysCreatedBy: text('sys_created_by'),
    sysCreatedAt: date('sys_created_at'),
    sysUpdatedBy: text('sys_updated_by'),
    sysUpdatedAt: date('sys_updated_at', true) as Date,
    contactType: text('contact_type'),
    location: text('location'),
    category: text('category'),
    subcategory: text('subcategory'),
    symptom: text('u_symptom'),
    cmdbCi: text('cmdb_ci'),
    impact: choice('impact', 3, true, '2 - Medium') as Impact,
    urgency: choice('urgency', 3, true, '2 - Medium') as Urgency,
    priority: choice('priority', 5, false, '3 - Moderate') as Priority | null,
    assignmentGroup: text('assignment_group'),
    assignedTo: text('assigned_to'),
    knowledge: bool('knowledge'),
    priorityConfirmation: bool('u_priority_confirmation'),
    notify: text('notify'),
    problemId: text('problem_id'),
    rfc: text('rfc'),
    vendor: text('vendor'),
    causedBy: text('caused_by'),
    closedCode: text('closed_code'),
    resolvedBy: text('resolved_by'),
    resolvedAt: date('resolved_at'),
    closedAt: date('closed_at'),
  };
  return { value: problems.length ? null : value, problems };
}

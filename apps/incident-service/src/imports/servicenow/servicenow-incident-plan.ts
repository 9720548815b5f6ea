import { Channel, HoldReason, IncidentState, ResolutionCode } from '../../incidents/domain/incident-state';
import {
  applyIncidentCommand,
  IllegalTransitionError,
  IncidentCommand,
  IncidentFacts,
  TransitionResult,
} from '../../incidents/domain/incident-state-machine';
import { derivePriority, Impact, Priority, Urgency } from '../../incidents/domain/priority-matrix';
import {
  readServiceNowCsv,
  ServiceNowCsvParser,
  ServiceNowCsvParserOptions,
  ServiceNowCsvRecord,
  ServiceNowImportProblem,
} from './servicenow-csv.parser';
import { parseServiceNowRow, ServiceNowIncidentState, ServiceNowRow } from './servicenow-row';

/**
 * Turns the rows of the ServiceNow incident event log into one plan per incident: how it was opened and
 * the lifecycle commands of our state machine (incident-state-machine.ts) that recreate its history, each
 * at its historical time. Pure: no Nest, no TypeORM. Ids in the commands are the ServiceNow names
 * (`Group 56`, `Resolver 198`, `Updated by 21`); bindImportedIncidentCommand swaps them for our ids.
 *
 * Row order within an incident: see orderServiceNowRows.
 */

/** Our state for each ServiceNow state. */
export const SERVICENOW_STATE_MAP: Readonly<
  Record<ServiceNowIncidentState, { state: IncidentState; holdReason: HoldReason | null }>
> = {
  // ServiceNow "New" is "not yet worked on". Once the row names a group, that is our `assigned`
  // (new → assigned to a group), so a New row with a group replays as assigned.
  New: { state: 'new', holdReason: null },
  Active: { state: 'in_progress', holdReason: null },
  'Awaiting User Info': { state: 'on_hold', holdReason: 'awaiting_user' },
  'Awaiting Vendor': { state: 'on_hold', holdReason: 'awaiting_vendor' },
  'Awaiting Problem': { state: 'on_hold', holdReason: 'awaiting_problem' },
  // Evidence is asked of the user: waiting on the user (and the SLA clock stops, as for Awaiting User Info).
  'Awaiting Evidence': { state: 'on_hold', holdReason: 'awaiting_user' },
  Resolved: { state: 'resolved', holdReason: null },
  Closed: { state: 'closed', holdReason: null },
};

/**
 * contact_type → channel, keyed by normalizeContactType (lower case, punctuation as spaces), so
 * `Self service`, `self-service` and `Self-Service` are one key. ServiceNow's own choices plus those of
 * the full UCI log (IVR, Direct opening). The sample file only holds `Phone`.
 */
export const SERVICENOW_CHANNEL_MAP: Readonly<Record<string, Channel>> = {
  phone: 'phone',
  // A call through the voice menu is still a phone call.
  ivr: 'phone',
  email: 'email',
  'e mail': 'email',
  'self service': 'portal',
  portal: 'portal',
  web: 'portal',
  'walk in': 'walk_in',
  chat: 'chat',
  'virtual agent': 'chat',
  // Opened straight in the tool (by IT staff or monitoring) with no contact: our non-human channel, which
  // also keeps it out of first-contact resolution (not a live channel).
  'direct opening': 'api',
};

export const DEFAULT_SERVICENOW_FALLBACK_GROUP = 'Service Desk';
/** The actor used when a row's sys_updated_by (or resolved_by) is unknown. */
export const SERVICENOW_IMPORT_ACTOR = 'servicenow-import';
/** Historical reopens happened when they happened: no window applies on import. */
export const UNLIMITED_REOPEN_WINDOW_MS = Number.POSITIVE_INFINITY;

export interface ServiceNowPlanOptions {
  /** The group used when a row's assignment_group is `?`; default 'Service Desk'. */
  fallbackGroupName?: string;
  /** Extra or overriding contact_type mappings (keys are normalised like SERVICENOW_CHANNEL_MAP's). */
  channelMap?: Readonly<Record<string, Channel>>;
  /** Channel for an unknown or `?` contact_type; without it such an incident is reported and left out. */
  unknownChannel?: Channel;
  /** closed_code (`code 6`) → resolution code; unmapped codes become `other`, the original kept in the notes. */
  resolutionCodeMap?: Readonly<Record<string, ResolutionCode>>;
}

export interface ImportedIncidentOpened {
  at: Date;
  callerName: string | null;
  openedByName: string | null;
  channel: Channel;
  /** The export's contact_type, as written. */
  contactType: string | null;
  category: string | null;
  subcategory: string | null;
  symptom: string | null;
  ciName: string | null;
  impact: Impact;
  urgency: Urgency;
  /** Ours, derived from impact × urgency. */
  priority: Priority;
  /** What ServiceNow stored (it differs for impact 3 × urgency 3: ServiceNow 4 - Low, ours P5). */
  filePriority: Priority | null;
  locationName: string | null;
  shortDescription: string;
  description: string;
}

export interface ImportedIncidentStep {
  at: Date;
  /** sys_updated_by of the row (resolved_by for the final resolution); null when unknown. */
  actorName: string | null;
  /** Ids in it are ServiceNow names until bound (bindImportedIncidentCommand). */
  command: IncidentCommand;
  groupName?: string;
  assigneeName?: string | null;
  /** The CSV row (header = row 1) this step replays. */
  row: number;
}

export interface ImportedIncidentFinalRow {
  row: number;
  state: ServiceNowIncidentState;
  mappedState: IncidentState;
  holdReason: HoldReason | null;
  active: boolean | null;
  reassignmentCount: number;
  reopenCount: number;
  sysModCount: number;
  madeSla: boolean | null;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  closedAt: Date | null;
  closedCode: string | null;
  knowledge: boolean | null;
  problemId: string | null;
  assignmentGroupName: string | null;
  assigneeName: string | null;
  priority: Priority | null;
  symptom: string | null;
  locationName: string | null;
}

export type ImportedIncidentDeviationKind =
  /** The file's priority is not our matrix's for its impact × urgency. */
  | 'priority_differs'
  /** A row's reassignment_count moved differently from ours (no visible group change, or one we could not replay). */
  | 'reassignment_count_differs'
  /** A row's reopen_count moved differently from ours. */
  | 'reopen_count_differs'
  /** A change on a Resolved or Closed row: our rules allow no change to a resolved incident, so it is not replayed. */
  | 'change_after_resolution'
  /** A row's state our lifecycle cannot reach from where the incident is (e.g. New after work started). */
  | 'state_not_reproduced'
  /** A step earlier than the one before it (historical timestamps are kept as they are). */
  | 'time_out_of_order';

export interface ImportedIncidentDeviation {
  row: number;
  kind: ImportedIncidentDeviationKind;
  detail: string;
}

export interface ImportedIncidentOutcome {
  state: IncidentState;
  holdReason: HoldReason | null;
  reassignmentCount: number;
  reopenCount: number;
  assignmentGroupName: string | null;
  assigneeName: string | null;
}

export interface ImportedIncidentPlan {
  /** ServiceNow's number, kept as our incident number (INC…). */
  number: string;
  /** `servicenow:INC0000045`: makes a second import of the same file idempotent. */
  externalKey: string;
  /** The incident's CSV rows, in replay order. */
  rows: number[];
  opened: ImportedIncidentOpened;
  steps: ImportedIncidentStep[];
  finalRow: ImportedIncidentFinalRow;
  /** Where the replay could not follow the file; empty for most incidents. */
  deviations: ImportedIncidentDeviation[];
  /** Where replaying the steps leaves the incident. */
  outcome: ImportedIncidentOutcome;
}

export interface ImportedIncidentPlanResult {
  plan: ImportedIncidentPlan | null;
  problems: ServiceNowImportProblem[];
}

/** `Self-Service` → `self service`. */
export function normalizeContactType(contactType: string): string {
  return contactType
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const PHASE: Record<ServiceNowIncidentState, number> = {
  New: 0,
  Active: 0,
  'Awaiting User Info': 0,
  'Awaiting Vendor': 0,
  'Awaiting Problem': 0,
  'Awaiting Evidence': 0,
  Resolved: 1,
  Closed: 2,
};

/**
 * The replay order of one incident's rows. sys_updated_at (minute precision) first, then sys_mod_count
 * for rows of the same minute, then file position; but the lifecycle the counters prove comes before
 * both: reopen_count never decreases, and within one reopen cycle open rows precede Resolved rows,
 * which precede Closed rows.
 *
 * Why not sys_mod_count first: in the sample, 4 incidents (INC0000130, 134, 135, 164) have a first row
 * whose sys_mod_count repeats a later one (2, 2, 7, 3); ordered by it, reassignment_count would go
 * 1 → 0 and groups would bounce. Why not sys_updated_at alone: in INC0000137 a New row (sys_mod_count 1)
 * is stamped 11:10, after the resolution at 11:03 (sys_mod_count 2); by time alone it would read as a
 * reopen that reopen_count does not show. The lifecycle key settles both; everywhere else the three
 * orders agree with the file's.
 */
export function orderServiceNowRows(rows: readonly ServiceNowRow[]): ServiceNowRow[] {
  return [...rows].sort(
    (a, b) =>
      a.reopenCount - b.reopenCount ||
      PHASE[a.incidentState] - PHASE[b.incidentState] ||
      a.sysUpdatedAt.getTime() - b.sysUpdatedAt.getTime() ||
      a.sysModCount - b.sysModCount ||
      a.row - b.row,
  );
}

type UpdateCommand = Extract<IncidentCommand, { type: 'update' }>;

/** Builds the plan of one incident from all its rows (any order). */
export function buildImportedIncidentPlan(
  rows: readonly ServiceNowRow[],
  options: ServiceNowPlanOptions = {},
): ImportedIncidentPlanResult {
  if (rows.length === 0) return { plan: null, problems: [] };
  const ordered = orderServiceNowRows(rows);
  const first = ordered[0];
  const last = ordered[ordered.length - 1];

  const channel = resolveChannel(first.contactType, options);
  if (!channel) {
    const known = Object.keys({ ...SERVICENOW_CHANNEL_MAP, ...options.channelMap }).join(', ');
    return {
      plan: null,
      problems: [
        {
          row: first.row,
          field: 'contact_type',
          reason: `Unknown contact_type '${first.contactType ?? '?'}' of ${first.number}: map it (known: ${known})`,
        },
      ],
    };
  }

  const priority = derivePriority(first.impact, first.urgency);
  const opened: ImportedIncidentOpened = {
    at: first.openedAt,
    callerName: first.callerId,
    openedByName: first.openedBy,
    channel,
    contactType: first.contactType,
    category: first.category,
    subcategory: first.subcategory,
    symptom: first.symptom,
    ciName: first.cmdbCi,
    impact: first.impact,
    urgency: first.urgency,
    priority,
    filePriority: first.priority,
    locationName: first.location,
    shortDescription: `${first.number} imported from ServiceNow`,
    description: [
      `Imported from the ServiceNow incident event log (${first.number}).`,
      `Symptom: ${first.symptom ?? 'unknown'}. Location: ${first.location ?? 'unknown'}. Contact type: ${first.contactType ?? 'unknown'}.`,
    ].join('\n'),
  };

  const writer = new PlanWriter(first.number, opened, options);
  let prev: ServiceNowRow | null = null;
  for (const row of ordered) {
    writer.replayRow(row, prev);
    prev = row;
  }
  const steps = writer.finish(last);

  const mapped = SERVICENOW_STATE_MAP[last.incidentState];
  const plan: ImportedIncidentPlan = {
    number: first.number,
    externalKey: `servicenow:${first.number}`,
    rows: ordered.map((r) => r.row),
    opened,
    steps,
    finalRow: {
      row: last.row,
      state: last.incidentState,
      mappedState: mapped.state,
      holdReason: mapped.holdReason,
      active: last.active,
      reassignmentCount: last.reassignmentCount,
      reopenCount: last.reopenCount,
      sysModCount: last.sysModCount,
      madeSla: last.madeSla,
      resolvedAt: last.resolvedAt,
      resolvedByName: last.resolvedBy,
      closedAt: last.closedAt,
      closedCode: last.closedCode,
      knowledge: last.knowledge,
      problemId: last.problemId,
      assignmentGroupName: last.assignmentGroup,
      assigneeName: last.assignedTo,
      priority: last.priority,
      symptom: last.symptom,
      locationName: last.location,
    },
    deviations: writer.deviations,
    outcome: {
      state: 'new',
      holdReason: null,
      reassignmentCount: 0,
      reopenCount: 0,
      assignmentGroupName: null,
      assigneeName: null,
    },
  };
  const { facts } = replayImportedIncidentPlan(plan);
  plan.outcome = {
    state: facts.state,
    holdReason: facts.holdReason,
    reassignmentCount: facts.reassignmentCount,
    reopenCount: facts.reopenCount,
    assignmentGroupName: facts.assignmentGroupId,
    assigneeName: facts.assigneeId,
  };
  return { plan, problems: [] };
}

function resolveChannel(contactType: string | null, options: ServiceNowPlanOptions): Channel | null {
  if (contactType !== null) {
    const key = normalizeContactType(contactType);
    const extra = options.channelMap
      ? Object.entries(options.channelMap).find(([k]) => normalizeContactType(k) === key)
      : undefined;
    const channel = extra?.[1] ?? SERVICENOW_CHANNEL_MAP[key];
    if (channel) return channel;
  }
  return options.unknownChannel ?? null;
}

/** Emits the commands row by row, running them through the state machine as it goes so each is legal. */
class PlanWriter {
  readonly deviations: ImportedIncidentDeviation[] = [];
  private readonly steps: ImportedIncidentStep[] = [];
  private facts: IncidentFacts;
  private readonly fallbackGroup: string;
  private priorityNoted = false;

  constructor(
    private readonly number: string,
    opened: ImportedIncidentOpened,
    private readonly options: ServiceNowPlanOptions,
  ) {
    this.facts = createImportedIncidentFacts(opened);
    this.fallbackGroup = options.fallbackGroupName ?? DEFAULT_SERVICENOW_FALLBACK_GROUP;
  }

  replayRow(r: ServiceNowRow, prev: ServiceNowRow | null): void {
    const before = { reassignments: this.facts.reassignmentCount, reopens: this.facts.reopenCount };
    const target = SERVICENOW_STATE_MAP[r.incidentState];
    const group = r.assignmentGroup ?? this.fallbackGroup;
    this.notePriority(r);

    if (this.facts.state === 'closed' || this.facts.state === 'cancelled') {
      if (target.state !== 'closed') this.deviate(r, 'state_not_reproduced', `${r.incidentState} after Closed: closed is final`);
      else this.noteChangesAfterResolution(r, prev);
    } else if (this.facts.state === 'resolved' && (target.state === 'resolved' || target.state === 'closed')) {
      this.noteChangesAfterResolution(r, prev);
      if (target.state === 'closed') this.apply(r, { type: 'close' }, r.closedAt ?? r.sysUpdatedAt);
    } else {
      if (this.facts.state === 'resolved') this.apply(r, { type: 'reopen' });
      this.applyFieldChanges(r);
      this.applyAssignment(r, prev, group);
      this.reachState(r, target.state, target.holdReason);
    }

    this.noteCounter(r, 'reassignment_count_differs', 'reassignment_count', {
      file: r.reassignmentCount - (prev?.reassignmentCount ?? 0),
      ours: this.facts.reassignmentCount - before.reassignments,
      groupBefore: prev?.assignmentGroup,
    });
    this.noteCounter(r, 'reopen_count_differs', 'reopen_count', {
      file: r.reopenCount - (prev?.reopenCount ?? 0),
      ours: this.facts.reopenCount - before.reopens,
    });
  }

  /**
   * The final resolution happens at resolved_at, by resolved_by, with the mapped closed_code: the export
   * repeats those final values on every row, so earlier resolutions (before a reopen) keep the row's time
   * and updater and say that their code is unknown. Then flags steps whose times go backwards.
   */
  finish(last: ServiceNowRow): ImportedIncidentStep[] {
    const resolves = this.steps.filter((s) => s.command.type === 'resolve');
    const finalResolve = resolves[resolves.length - 1];
    if (finalResolve) {
      const codeText = last.closedCode ?? 'unknown';
      finalResolve.command = {
        type: 'resolve',
        code: (last.closedCode && this.options.resolutionCodeMap?.[last.closedCode]) || 'other',
        notes: `Resolved in ServiceNow (${this.number}); ServiceNow closed_code: ${codeText}.`,
      };
      if (last.resolvedAt) finalResolve.at = last.resolvedAt;
      if (last.resolvedBy) finalResolve.actorName = last.resolvedBy;
    }
    // The first step is compared with opened_at (which ServiceNow lets staff edit after creation).
    let previous: { at: Date; what: string } = { at: this.facts.openedAt, what: 'opened_at' };
    for (const step of this.steps) {
      if (step.at.getTime() < previous.at.getTime()) {
        this.deviate(
          { row: step.row },
          'time_out_of_order',
          `${step.command.type} at ${step.at.toISOString()} is earlier than ${previous.what} (${previous.at.toISOString()})`,
        );
      }
      previous = { at: step.at, what: `the ${step.command.type} before it` };
    }
    return this.steps;
  }

  private applyFieldChanges(r: ServiceNowRow): void {
    const update: UpdateCommand = { type: 'update' };
    const f = this.facts;
    if (r.impact !== f.impact) update.impact = r.impact;
    if (r.urgency !== f.urgency) update.urgency = r.urgency;
    if (r.category !== f.category) update.category = r.category;
    if (r.subcategory !== f.subcategory) update.subcategory = r.subcategory;
    if (r.cmdbCi !== f.ciId) update.ciId = r.cmdbCi;
    if (Object.keys(update).length > 1) this.apply(r, update);
  }

  /** A change of group is an assign (a reassignment after the first); so is a change of assignee the file shows. */
  private applyAssignment(r: ServiceNowRow, prev: ServiceNowRow | null, group: string): void {
    const assignee = r.assignedTo;
    const groupChanged = this.facts.assignmentGroupId !== group;
    const assigneeChanged = (!prev || prev.assignedTo !== assignee) && this.facts.assigneeId !== assignee;
    if (groupChanged || assigneeChanged) {
      this.apply(r, { type: 'assign', groupId: group, assigneeId: assignee }, r.sysUpdatedAt, {
        groupName: group,
        assigneeName: assignee,
      });
    }
  }

  private reachState(r: ServiceNowRow, state: IncidentState, holdReason: HoldReason | null): void {
    switch (state) {
      case 'new':
      case 'assigned':
        if (this.facts.state !== 'new' && this.facts.state !== 'assigned') {
          this.deviate(
            r,
            'state_not_reproduced',
            `${r.incidentState} after work started: the incident stays ${this.facts.state}`,
          );
        }
        return;
      case 'in_progress':
        this.toInProgress(r);
        return;
      case 'on_hold':
        if (this.facts.state === 'on_hold' && this.facts.holdReason === holdReason) return;
        this.toInProgress(r);
        this.apply(r, { type: 'hold', reason: holdReason ?? 'awaiting_user' });
        return;
      case 'resolved':
      case 'closed':
        this.toInProgress(r);
        // Provisional code and notes: finish() sets the final resolution's from closed_code.
        this.apply(r, {
          type: 'resolve',
          code: 'other',
          notes: `Resolved in ServiceNow (${this.number}) and reopened later; the export keeps only the final resolution's closed_code.`,
        });
        if (state === 'closed') this.apply(r, { type: 'close' }, r.closedAt ?? r.sysUpdatedAt);
        return;
      case 'cancelled':
        return;
    }
  }

  private toInProgress(r: ServiceNowRow): void {
    if (this.facts.state === 'assigned') this.apply(r, { type: 'start' });
    else if (this.facts.state === 'on_hold') this.apply(r, { type: 'resume' });
  }

  private apply(
    r: ServiceNowRow,
    command: IncidentCommand,
    at: Date = r.sysUpdatedAt,
    names: { groupName?: string; assigneeName?: string | null } = {},
  ): void {
    let result: TransitionResult;
    try {
      result = applyIncidentCommand(this.facts, command, {
        actorId: r.sysUpdatedBy ?? SERVICENOW_IMPORT_ACTOR,
        at,
        reopenWindowMs: UNLIMITED_REOPEN_WINDOW_MS,
      });
    } catch (error) {
      // Only a file our lifecycle cannot follow gets here; the step is left out so the plan stays replayable.
      if (!(error instanceof IllegalTransitionError)) throw error;
      this.deviate(r, 'state_not_reproduced', `${command.type} refused: ${error.message}`);
      return;
    }
    this.facts = result.facts;
    this.steps.push({ at, actorName: r.sysUpdatedBy, command, ...names, row: r.row });
  }

  private noteChangesAfterResolution(r: ServiceNowRow, prev: ServiceNowRow | null): void {
    if (!prev) return;
    const changed = (
      [
        ['assignment_group', prev.assignmentGroup, r.assignmentGroup],
        ['assigned_to', prev.assignedTo, r.assignedTo],
        ['impact', prev.impact, r.impact],
        ['urgency', prev.urgency, r.urgency],
        ['category', prev.category, r.category],
        ['subcategory', prev.subcategory, r.subcategory],
        ['cmdb_ci', prev.cmdbCi, r.cmdbCi],
      ] as Array<[string, unknown, unknown]>
    ).filter(([, from, to]) => from !== to);
    if (changed.length) {
      const list = changed.map(([field, from, to]) => `${field} ${from ?? '?'} → ${to ?? '?'}`).join(', ');
      this.deviate(
        r,
        'change_after_resolution',
        `${list} on a ${r.incidentState} row: not replayed (a resolved incident takes no changes)`,
      );
    }
  }

  private noteCounter(
    r: ServiceNowRow,
    kind: ImportedIncidentDeviationKind,
    column: string,
    delta: { file: number; ours: number; groupBefore?: string | null },
  ): void {
    if (delta.file === delta.ours) return;
    let why = '';
    if (kind === 'reassignment_count_differs' && delta.file > delta.ours && delta.groupBefore !== undefined) {
      why =
        delta.groupBefore === r.assignmentGroup
          ? `: the row shows no change of assignment_group (${r.assignmentGroup ?? '?'} before and after)`
          : `: the change of assignment_group could not be replayed`;
    }
    this.deviate(r, kind, `${column} moved by ${delta.file} in the file, by ${delta.ours} in the replay${why}`);
  }

  private notePriority(r: ServiceNowRow): void {
    if (this.priorityNoted || r.priority === null) return;
    const derived = derivePriority(r.impact, r.urgency);
    if (derived === r.priority) return;
    this.priorityNoted = true;
    this.deviate(
      r,
      'priority_differs',
      `ServiceNow priority ${r.priority} for impact ${r.impact} × urgency ${r.urgency}; ours is derived: P${derived}`,
    );
  }

  private deviate(r: { row: number }, kind: ImportedIncidentDeviationKind, detail: string): void {
    this.deviations.push({ row: r.row, kind, detail });
  }
}

/** The incident as created, before its first step: state new, no group, counters at 0. */
export function createImportedIncidentFacts(opened: ImportedIncidentOpened): IncidentFacts {
  return {
    state: 'new',
    holdReason: null,
    callerId: opened.callerName ?? SERVICENOW_IMPORT_ACTOR,
    openedById: opened.openedByName ?? SERVICENOW_IMPORT_ACTOR,
    channel: opened.channel,
    category: opened.category,
    subcategory: opened.subcategory,
    shortDescription: opened.shortDescription,
    description: opened.description,
    impact: opened.impact,
    urgency: opened.urgency,
    priority: derivePriority(opened.impact, opened.urgency),
    ciId: opened.ciName,
    assignmentGroupId: null,
    assigneeId: null,
    resolutionCode: null,
    resolutionNotes: null,
    knowledgeArticleId: null,
    resolvedById: null,
    cancelReason: null,
    reassignmentCount: 0,
    reopenCount: 0,
    openedAt: opened.at,
    firstResponseAt: null,
    assignedAt: null,
    resolvedAt: null,
    closedAt: null,
    cancelledAt: null,
  };
}

/** Replays a plan through the state machine (names as ids); throws IllegalTransitionError if a step is refused. */
export function replayImportedIncidentPlan(plan: ImportedIncidentPlan): { facts: IncidentFacts; results: TransitionResult[] } {
  let facts = createImportedIncidentFacts(plan.opened);
  const results: TransitionResult[] = [];
  for (const step of plan.steps) {
    const result = applyIncidentCommand(facts, step.command, {
      actorId: step.actorName ?? SERVICENOW_IMPORT_ACTOR,
      at: step.at,
      reopenWindowMs: UNLIMITED_REOPEN_WINDOW_MS,
    });
    results.push(result);
    facts = result.facts;
  }
  return { facts, results };
}

export interface ImportedIncidentIdResolver {
  groupId(name: string): string;
  userId(name: string): string;
  ciId?(name: string): string | null;
}

/** The step's command with our ids in place of the ServiceNow names. */
export function bindImportedIncidentCommand(command: IncidentCommand, ids: ImportedIncidentIdResolver): IncidentCommand {
  if (command.type === 'assign') {
    return {
      ...command,
      groupId: ids.groupId(command.groupId),
      assigneeId: command.assigneeId && ids.userId(command.assigneeId),
    };
  }
  if (command.type === 'update' && command.ciId !== undefined && ids.ciId) {
    return { ...command, ciId: command.ciId && ids.ciId(command.ciId) };
  }
  return command;
}

export interface ServiceNowImportPlanResult {
  /** Data rows read (header and blank lines excluded). */
  rowCount: number;
  plans: ImportedIncidentPlan[];
  /** Structural problems of the CSV, bad values and unmappable incidents, in the order found. */
  problems: ServiceNowImportProblem[];
  /** Incidents left out because one of their rows has a problem (each named in problems). */
  skippedIncidents: string[];
}

export interface ServiceNowImportOptions extends ServiceNowPlanOptions, ServiceNowCsvParserOptions {}

/** Collects typed rows by incident number; an incident with any bad row is left out whole. */
class ServiceNowRowCollector {
  rowCount = 0;
  private readonly byNumber = new Map<string, ServiceNowRow[]>();
  private readonly bad = new Set<string>();
  readonly problems: ServiceNowImportProblem[] = [];

  add(record: ServiceNowCsvRecord): void {
    this.rowCount++;
    const { value, problems } = parseServiceNowRow(record);
    if (!value) {
      this.problems.push(...problems);
      const number = record.values['number']?.trim();
      if (number) this.bad.add(number);
      return;
    }
    const rows = this.byNumber.get(value.number);
    if (rows) rows.push(value);
    else this.byNumber.set(value.number, [value]);
  }

  finish(parserProblems: ServiceNowImportProblem[], options: ServiceNowPlanOptions): ServiceNowImportPlanResult {
    const plans: ImportedIncidentPlan[] = [];
    const problems = [...parserProblems, ...this.problems];
    const skipped = new Set(this.bad);
    for (const [number, rows] of this.byNumber) {
      if (this.bad.has(number)) continue;
      const result = buildImportedIncidentPlan(rows, options);
      if (result.plan) plans.push(result.plan);
      else skipped.add(number);
      problems.push(...result.problems);
    }
    return { rowCount: this.rowCount, plans, problems, skippedIncidents: [...skipped] };
  }
}

/** CSV text → plans. */
export function planServiceNowImport(text: string, options: ServiceNowImportOptions = {}): ServiceNowImportPlanResult {
  const parser = new ServiceNowCsvParser(options);
  const collector = new ServiceNowRowCollector();
  for (const record of parser.write(text)) collector.add(record);
  for (const record of parser.end()) collector.add(record);
  return collector.finish(parser.problems, options);
}

/** A streamed upload (e.g. a Node readable of Buffers) → plans; holds typed rows, never the whole text. */
export async function planServiceNowImportStream(
  source: AsyncIterable<string | Uint8Array>,
  options: ServiceNowImportOptions = {},
): Promise<ServiceNowImportPlanResult> {
  const parser = new ServiceNowCsvParser(options);
  const collector = new ServiceNowRowCollector();
  for await (const record of readServiceNowCsv(source, parser)) collector.add(record);
  return collector.finish(parser.problems, options);
}

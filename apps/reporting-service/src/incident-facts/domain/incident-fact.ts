import { IncidentSnapshot } from '@helpdesk/contracts';
import { classifyIncident, IncidentClassification } from './incident-classification';

/**
 * One row per incident, kept current from its events: the incident's newest snapshot (by version), what
 * only the whole stream shows (ever on hold, the CSAT answer), and the per-incident verdicts that the
 * reports aggregate (incident-classification.ts). Pure: the projection reads the row, merges, writes back.
 */
export interface IncidentFact extends IncidentClassification {
  incidentId: string;
  number: string;
  /** The snapshot version the row holds; an older event never overwrites a newer one. */
  incidentVersion: number;
  /** `live`, or where imported history came from (`servicenow`). */
  source: string;
  state: string;
  channel: string;
  category: string | null;
  subcategory: string | null;
  /** Null: no category or unknown; false: net FCR leaves it out. */
  firstLevelResolvable: boolean | null;
  priority: number;
  ciId: string | null;
  groupId: string | null;
  groupName: string | null;
  groupTier: number | null;
  assigneeId: string | null;
  assigneeName: string | null;
  callerId: string;
  openedById: string;
  resolvedById: string | null;
  openedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  reassignmentCount: number;
  reopenCount: number;
  /** Seen on hold in any event: FCR requires "without hold", which the newest snapshot alone cannot show. */
  everHeld: boolean;
  firstContactClaimed: boolean;
  csatRating: number | null;
  csatAt: Date | null;
  /** When the newest applied event was written (occurredAt), for freshness. */
  lastEventAt: Date;
  /** The newest snapshot's parts the verdicts read but no report groups by (stored as one JSON column). */
  verdictInputs: VerdictInputs;
}

/** What the projection needs of one incident.* event. */
export interface IncidentFactEvent {
  type: string;
  occurredAt: string;
  incident: IncidentSnapshot;
  detail: Record<string, unknown>;
}

export interface IncidentFactOptions {
  /** itil.md FCR contact window (default 30 min). */
  contactWindowMs: number;
}

const date = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

/**
 * The row after one more event, in any order and any number of times: the newest snapshot wins, the
 * monotonic parts (ever held, CSAT answer) merge, and the verdicts are recomputed from the result.
 */
export function mergeIncidentEvent(
  existing: IncidentFact | null,
  event: IncidentFactEvent,
  options: IncidentFactOptions,
): IncidentFact {
  const s = event.incident;
  const at = new Date(event.occurredAt);
  const newer = !existing || s.version > existing.incidentVersion;
  const base = newer ? snapshotFields(s) : pickSnapshotFields(existing);

  let csatRating = existing?.csatRating ?? null;
  let csatAt = existing?.csatAt ?? null;
  if (event.type === 'incident.satisfaction-recorded' && typeof event.detail.rating === 'number') {
    // The latest answer counts (a survey answered again after a reopen and a new resolution).
    if (!csatAt || at.getTime() >= csatAt.getTime()) {
      csatRating = event.detail.rating;
      csatAt = at;
    }
  }
  const everHeld = (existing?.everHeld ?? false) || s.state === 'on_hold' || s.holdReason !== null;
  const lastEventAt = existing && existing.lastEventAt.getTime() > at.getTime() ? existing.lastEventAt : at;

  const withoutVerdicts = { ...base, everHeld, csatRating, csatAt, lastEventAt };
  return { ...withoutVerdicts, ...classifyIncident(withoutVerdicts, options) };
}

type SnapshotFields = Omit<IncidentFact, keyof IncidentClassification | 'everHeld' | 'csatRating' | 'csatAt' | 'lastEventAt'>;

export interface VerdictInputs {
  responseMetAt: string | null;
  responseBreached: boolean | null;
  resolutionBreached: boolean | null;
  resolutionElapsedBusinessMs: number | null;
  sourceRecord: IncidentSnapshot['sourceRecord'];
}

function snapshotFields(s: IncidentSnapshot): SnapshotFields {
  return {
    incidentId: s.id,
    number: s.number,
    incidentVersion: s.version,
    source: s.source,
    state: s.state,
    channel: s.channel,
    category: s.category,
    subcategory: s.subcategory,
    firstLevelResolvable: s.categoryFirstLevelResolvable ?? null,
    priority: s.priority,
    ciId: s.ciId,
    groupId: s.assignmentGroupId,
    groupName: s.assignmentGroupName,
    groupTier: s.assignmentGroupTier,
    assigneeId: s.assigneeId,
    assigneeName: s.assigneeName,
    callerId: s.callerId,
    openedById: s.openedById,
    resolvedById: s.resolvedById,
    openedAt: new Date(s.openedAt),
    firstResponseAt: date(s.firstResponseAt),
    resolvedAt: date(s.resolvedAt),
    closedAt: date(s.closedAt),
    cancelledAt: date(s.cancelledAt),
    reassignmentCount: s.reassignmentCount,
    reopenCount: s.reopenCount,
    firstContactClaimed: s.firstContactClaimed,
    verdictInputs: {
      responseMetAt: s.sla?.responseMetAt ?? null,
      responseBreached: s.sla ? s.sla.responseBreached : null,
      resolutionBreached: s.sla ? s.sla.resolutionBreached : null,
      resolutionElapsedBusinessMs: s.sla?.resolutionElapsedBusinessMs ?? null,
      sourceRecord: s.sourceRecord ?? null,
    },
  };
}

/** An older event keeps the row's snapshot part; the verdict inputs are the stored row's. */
function pickSnapshotFields(f: IncidentFact): SnapshotFields {
  const {
    everHeld: _h,
    csatRating: _r,
    csatAt: _a,
    lastEventAt: _l,
    firstContactResolved: _fcr,
    firstLevelResolved: _flr,
    reopened: _ro,
    resolutionCalendarMs: _c,
    resolutionBusinessMs: _b,
    responseMs: _rm,
    responseSlaMet: _rs,
    resolutionSlaMet: _ls,
    ...rest
  } = f;
  return rest;
}

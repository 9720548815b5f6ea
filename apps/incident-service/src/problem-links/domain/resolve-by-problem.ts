import { IncidentState } from '../../incidents/domain/incident-state';
import { IncidentCommand } from '../../incidents/domain/incident-state-machine';

/** What decides the way from an incident's state to resolved. */
export interface ResolvableIncident {
  state: IncidentState;
  assignmentGroupId: string | null;
  assigneeId: string | null;
}

/**
 * The lifecycle commands that take an open incident to resolved with code resolved_by_problem: assign (a new
 * incident to its routed group), start, or resume first where the state machine needs it. Null when it cannot
 * be done: the incident is not open, or it is new with no group to work it in.
 */
export function resolveByProblemCommands(incident: ResolvableIncident, notes: string): IncidentCommand[] | null {
  const steps: IncidentCommand[] = [];
  switch (incident.state) {
    case 'new':
      if (!incident.assignmentGroupId) return null;
      steps.push({ type: 'assign', groupId: incident.assignmentGroupId, assigneeId: incident.assigneeId });
      steps.push({ type: 'start' });
      break;
    case 'assigned':
      steps.push({ type: 'start' });
      break;
    case 'on_hold':
      steps.push({ type: 'resume' });
      break;
    case 'in_progress':
      break;
    default:
      return null;
  }
  steps.push({ type: 'resolve', code: 'resolved_by_problem', notes });
  return steps;
}

/**
 * Why an agent's confirmation of a proposed resolution leaves this incident as it is; null when it can go ahead.
 * Only an open incident whose linked problem's resolution was proposed to it is confirmed.
 */
export function confirmationSkipReason(incident: {
  state: IncidentState;
  problemResolutionProposedAt: Date | null;
}): string | null {
  switch (incident.state) {
    case 'resolved':
      return 'already resolved';
    case 'closed':
      return 'already closed';
    case 'cancelled':
      return 'cancelled';
    default:
      return incident.problemResolutionProposedAt ? null : 'not proposed for resolution';
  }
}

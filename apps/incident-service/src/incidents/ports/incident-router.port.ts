import { EntityManager } from 'typeorm';

export interface RoutingInput {
  category: string | null;
  subcategory: string | null;
  shortDescription: string;
  description: string;
  channel: string;
  callerDepartment: string | null;
}

export interface RoutingDecision {
  groupId: string | null;
  groupName: string | null;
  ruleId: string | null;
  ruleName: string | null;
}

/** Chooses the assignment group of a new incident (the routing module implements it). */
export abstract class IncidentRouter {
  abstract route(manager: EntityManager, input: RoutingInput): Promise<RoutingDecision>;
}

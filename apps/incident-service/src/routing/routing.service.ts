import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IncidentConfig } from '../config/incident.config';
import { DirectoryCache } from '../directory/directory-cache';
import { DirectoryRepository } from '../directory/directory.repository';
import { DirectoryGroupEntity } from '../directory/entities/directory-group.entity';
import { IncidentRouter } from '../incidents/ports/incident-router.port';
import { RoutingRuleDefinition, RoutingRuleSet } from './domain/routing-rule-set';
import { RoutingRulesRepository } from './routing-rules.repository';

/** Where a new incident goes, and which rule sent it there (ruleId null: the service desk fallback). */
export interface RoutingDecision {
  groupId: string | null;
  groupName: string | null;
  ruleId: string | null;
  ruleName: string | null;
}

/**
 * How long a replica keeps the compiled rule list. Edits on this replica take effect at once
 * (invalidate); edits on another replica within this time.
 */
export const RULE_CACHE_TTL_MS = 5_000;

/**
 * Assigns new incidents to a group: the active rules in order, the first match whose target resolves
 * to an active group wins; else the service desk (SERVICE_DESK_GROUP_NAME), else any active tier 1
 * group, else none. Called inside the incident's create transaction on every creation, so the rule
 * list is compiled once and cached; groups are looked up in the directory copy each time (through the
 * caller's manager, so they are as current as the transaction sees them).
 */
@Injectable()
export class RoutingService implements IncidentRouter {
  private cached: { rules: RoutingRuleSet; expiresAt: number } | null = null;
  /** Bumped by invalidate(), so a load that started before an edit is not cached after it. */
  private generation = 0;

  constructor(
    private readonly rules: RoutingRulesRepository,
    private readonly directory: DirectoryRepository,
    private readonly config: IncidentConfig,
    /** Group-by-name lookups on every creation (seed rules and the service desk name their group). */
    private readonly names: DirectoryCache,
  ) {}

  async route(
    manager: EntityManager,
    input: {
      category: string | null;
      subcategory: string | null;
      shortDescription: string;
      description: string;
      channel: string;
      callerDepartment: string | null;
    },
  ): Promise<RoutingDecision> {
    const rules = await this.ruleSet(manager);
    if (rules.size > 0) {
      const prepared = rules.prepare(input);
      for (let i = rules.firstMatch(prepared); i >= 0; i = rules.firstMatch(prepared, i + 1)) {
        const rule = rules.rule(i);
        const group = await this.resolveTarget(rule, manager);
        if (group) return { groupId: group.id, groupName: group.name, ruleId: rule.id, ruleName: rule.name };
      }
    }
    const desk = await this.serviceDesk(manager);
    return { groupId: desk?.id ?? null, groupName: desk?.name ?? null, ruleId: null, ruleName: null };
  }

  /** Drops the cached rules (after a local edit commits). */
  invalidate(): void {
    this.generation++;
    this.cached = null;
  }

  /** The active group a rule's target names now, or null. */
  async resolveTarget(
    rule: Pick<RoutingRuleDefinition, 'assignmentGroupId' | 'assignmentGroupName'>,
    manager?: EntityManager,
  ): Promise<DirectoryGroupEntity | null> {
    const group =
      !rule.assignmentGroupId && rule.assignmentGroupName
        ? await this.names.findGroupByName(rule.assignmentGroupName, manager)
        : await this.findTarget(rule, manager);
    return group?.active ? group : null;
  }

  /** The group a rule's target names, active or not. */
  findTarget(
    rule: Pick<RoutingRuleDefinition, 'assignmentGroupId' | 'assignmentGroupName'>,
    manager?: EntityManager,
  ): Promise<DirectoryGroupEntity | null> {
    if (rule.assignmentGroupId) return this.directory.findGroup(rule.assignmentGroupId, manager);
    if (rule.assignmentGroupName) return this.directory.findGroupByName(rule.assignmentGroupName, manager);
    return Promise.resolve(null);
  }

  private async ruleSet(manager: EntityManager): Promise<RoutingRuleSet> {
    const now = Date.now();
    if (this.cached && this.cached.expiresAt > now) return this.cached.rules;
    // Loaded through the caller's manager: taking a second pooled connection per creation could
    // starve the pool under load.
    const generation = this.generation;
    const rules = RoutingRuleSet.compile(await this.rules.listActive(manager));
    if (generation === this.generation) this.cached = { rules, expiresAt: now + RULE_CACHE_TTL_MS };
    return rules;
  }

  private async serviceDesk(manager: EntityManager): Promise<DirectoryGroupEntity | null> {
    const desk = await this.names.findGroupByName(this.config.SERVICE_DESK_GROUP_NAME, manager);
    if (desk?.active) return desk;
    const groups = await this.directory.listGroups(manager);
    return groups.find((g) => g.active && g.tier === 1) ?? null;
  }
}

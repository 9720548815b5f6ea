import { Injectable } from '@nestjs/common';
import { IncidentCreated, IncidentProblemLinked, IncidentProblemLinkedDetail } from '@helpdesk/contracts';
import { UNIQUE_VIOLATION } from '@helpdesk/database';
import { isTransientError } from '@helpdesk/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { DirectoryRepository } from '../../directory/directory.repository';
import { IncidentEntity } from '../../incidents/entities/incident.entity';
import { applyIncidentCommand } from '../../incidents/domain/incident-state-machine';
import { factsOf, withFacts } from '../../incidents/incident-facts.mapper';
import { IncidentWriter } from '../../incidents/incident-writer.service';
import { eventsFor } from '../../incidents/incidents.service';
import { IncidentImportOutcome } from '../import-job-progress';
import {
  directoryNamesOf,
  importedActor,
  importedUserDisplayName,
  SERVICENOW_SOURCE,
  toImportedIncidentEntity,
} from './imported-incident.mapper';
import { SERVICENOW_ID_RESOLVER } from './servicenow-directory-ids';
import { ServiceNowImportRepository } from './servicenow-import.repository';
import {
  bindImportedIncidentCommand,
  ImportedIncidentPlan,
  SERVICENOW_IMPORT_ACTOR,
  UNLIMITED_REOPEN_WINDOW_MS,
} from './servicenow-incident-plan';
import { importedProblemKey } from './servicenow-problem-reference';

/** A step of a plan that the incident core refused or failed to write: the incident is left out whole. */
export class IncidentReplayError extends Error {
  constructor(
    readonly row: number,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'IncidentReplayError';
  }
}

/**
 * Directory names (groups, people) already ensured by committed transactions of this run, so each is
 * inserted once per run rather than once per incident. Names ensured by a transaction that rolls back are
 * forgotten with it.
 */
export class EnsuredDirectoryNames {
  readonly groups = new Set<string>();
  readonly users = new Set<string>();
}

/**
 * Recreates one ServiceNow incident with its history, in one transaction, through the same writer as live
 * work (IncidentWriter.commit: SLA timers on the historical times, history entries, one outbox event per
 * change), so consumers and reports cannot tell imported history from live history except by `source`.
 */
@Injectable()
export class ServiceNowIncidentImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: ServiceNowImportRepository,
    private readonly directory: DirectoryRepository,
    private readonly writer: IncidentWriter,
  ) {}

  /**
   * Imports the incident unless it is there already (same source and external key: unchanged) or its number
   * belongs to another incident (skipped, with a problem). `record` runs in the same transaction, so the
   * job's bookkeeping commits or rolls back with the incident.
   */
  async importIncident(
    plan: ImportedIncidentPlan,
    ensured: EnsuredDirectoryNames,
    record: (manager: EntityManager, outcome: IncidentImportOutcome) => Promise<void>,
  ): Promise<IncidentImportOutcome> {
    const added = new EnsuredDirectoryNames();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const result = await this.replay(manager, plan, ensured, added);
      await record(manager, result);
      return result;
    });
    for (const name of added.groups) ensured.groups.add(name);
    for (const name of added.users) ensured.users.add(name);
    return outcome;
  }

  private async replay(
    manager: EntityManager,
    plan: ImportedIncidentPlan,
    ensured: EnsuredDirectoryNames,
    added: EnsuredDirectoryNames,
  ): Promise<IncidentImportOutcome> {
    const holder = await this.keys.findHolder(manager, SERVICENOW_SOURCE, plan.number, plan.externalKey);
    if (holder?.source === SERVICENOW_SOURCE && holder.externalKey === plan.externalKey) {
      return { kind: 'unchanged', incidentId: holder.id };
    }
    if (holder) {
      return {
        kind: 'skipped',
        problem: {
          row: plan.rows[0],
          field: 'number',
          reason: `${plan.number} is already the number of another incident (source ${holder.source}); this incident was not imported`,
        },
      };
    }
    await this.ensureDirectory(manager, plan, ensured, added);

    const ids = SERVICENOW_ID_RESOLVER;
    let current = await this.writer.commit(manager, null, toImportedIncidentEntity(plan, ids), {
      action: 'created',
      actor: importedActor(plan.opened.openedByName, ids),
      at: plan.opened.at,
      note: `imported from ServiceNow ${plan.number} (row ${plan.rows[0]})`,
      events: [{ event: IncidentCreated, detail: { routingRuleId: null } }],
    });
    let events = 1;
    for (const step of plan.steps) {
      const command = bindImportedIncidentCommand(step.command, ids);
      try {
        const result = applyIncidentCommand(factsOf(current), command, {
          actorId: ids.userId(step.actorName ?? SERVICENOW_IMPORT_ACTOR),
          at: step.at,
          // History is replayed as it happened: a reopen weeks after the resolution did happen.
          reopenWindowMs: UNLIMITED_REOPEN_WINDOW_MS,
        });
        const specs = eventsFor(command, current, result, { firstContact: false });
        current = await this.writer.commit(manager, current, withFacts(current, result.facts), {
          action: command.type,
          actor: importedActor(step.actorName, ids),
          at: step.at,
          note: `ServiceNow row ${step.row}`,
          events: specs,
        });
        events += specs.length;
      } catch (error) {
        // A lost connection or a lost race is retried by the job; anything else is this incident's fault.
        if (isTransientError(error) || (error as { code?: string }).code === UNIQUE_VIOLATION) throw error;
        throw new IncidentReplayError(step.row, `${command.type} at row ${step.row} failed: ${(error as Error).message}`, error);
      }
    }
    const problemKey = importedProblemKey(plan);
    if (problemKey) {
      current = await this.handOnProblemReference(manager, plan, current, problemKey);
      events += 1;
    }
    return { kind: 'created', incidentId: current.id, events, steps: plan.steps.length };
  }

  /**
   * The file names the incident's problem only by ServiceNow's reference (`Problem ID 2`), which no problem here
   * has: the incident keeps problemId null, and one incident.problem-linked (origin `import`, externalProblemKey)
   * after its history asks the problem service to create the problem and link back (problem.incident-linked). It is
   * written through the writer like every change, so the history shows it, at the time of the last replayed step.
   */
  private async handOnProblemReference(
    manager: EntityManager,
    plan: ImportedIncidentPlan,
    current: IncidentEntity,
    problemKey: string,
  ): Promise<IncidentEntity> {
    const at = plan.steps.reduce((latest, step) => (step.at > latest ? step.at : latest), plan.opened.at);
    const detail: IncidentProblemLinkedDetail = {
      problemId: null,
      previousProblemId: null,
      origin: 'import',
      externalProblemKey: problemKey,
    };
    try {
      return await this.writer.commit(manager, current, withFacts(current, factsOf(current)), {
        action: 'problem-reference',
        actor: importedActor(null, SERVICENOW_ID_RESOLVER),
        at,
        note: `ServiceNow problem ${problemKey} (row ${plan.finalRow.row})`,
        extraChanges: [{ field: 'externalProblemKey', from: null, to: problemKey }],
        events: [{ event: IncidentProblemLinked, detail: { ...detail } }],
      });
    } catch (error) {
      if (isTransientError(error) || (error as { code?: string }).code === UNIQUE_VIOLATION) throw error;
      const row = plan.finalRow.row;
      throw new IncidentReplayError(row, `problem reference at row ${row} failed: ${(error as Error).message}`, error);
    }
  }

  /**
   * Every imported group is tier 1: the export has no tiers, and reporting computes first-level resolution
   * from the file's own evidence (reassignment_count = 0 and reopen_count = 0), which tier 1 keeps intact.
   * Marking some tier 2 on a guess would move incidents out of FLR that ServiceNow counted in it.
   */
  private async ensureDirectory(
    manager: EntityManager,
    plan: ImportedIncidentPlan,
    ensured: EnsuredDirectoryNames,
    added: EnsuredDirectoryNames,
  ): Promise<void> {
    // In one order everywhere: concurrent imports inserting the same new names then wait, never deadlock.
    const { groups, users } = directoryNamesOf(plan);
    for (const name of [...groups].sort()) {
      if (ensured.groups.has(name) || added.groups.has(name)) continue;
      await this.directory.ensureGroup(manager, {
        id: SERVICENOW_ID_RESOLVER.groupId(name),
        name,
        tier: 1,
        source: SERVICENOW_SOURCE,
      });
      added.groups.add(name);
    }
    for (const name of [...users].sort()) {
      if (ensured.users.has(name) || added.users.has(name)) continue;
      await this.directory.ensureUser(manager, {
        id: SERVICENOW_ID_RESOLVER.userId(name),
        displayName: importedUserDisplayName(name),
        source: SERVICENOW_SOURCE,
      });
      added.users.add(name);
    }
  }
}

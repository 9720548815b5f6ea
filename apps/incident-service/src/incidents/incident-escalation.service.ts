import { HttpStatus, Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { EventActor, IncidentEscalated, IncidentReassigned } from '@helpdesk/contracts';
import { EntityManager } from 'typeorm';
import { DirectoryRepository } from '../directory/directory.repository';
import { isOpenState } from './domain/incident-state';
import { allowedActions } from './domain/incident-state-machine';
import { EscalateIncidentDto } from './dto/incident-actions.dto';
import { IncidentDto } from './dto/incident.dto';
import { IncidentErrorCode, IncidentException } from './incident.exception';
import { factsOf, withFacts } from './incident-facts.mapper';
import { IncidentEntity } from './entities/incident.entity';
import { actorOf, IncidentsService } from './incidents.service';
import { IncidentWriter } from './incident-writer.service';

/** Functional (to tier 2, a reassignment) and hierarchical (the group's supervisor) escalation, by hand or on breach. */
@Injectable()
export class IncidentEscalationService {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly writer: IncidentWriter,
    private readonly directory: DirectoryRepository,
  ) {}

  escalate(principal: Principal, ref: string, dto: EscalateIncidentDto, version: number | undefined): Promise<IncidentDto> {
    return this.incidents.mutate(principal, ref, version, async (manager, current) => {
      this.requireOpen(current);
      const at = new Date();
      if (dto.kind === 'functional') {
        if (!dto.assignmentGroupId) {
          throw IncidentException.badField(
            IncidentErrorCode.NotTierTwo,
            'assignmentGroupId',
            'is required for a functional escalation',
          );
        }
        const group = await this.directory.findGroup(dto.assignmentGroupId, manager);
        if (!group || !group.active) {
          throw IncidentException.badField(IncidentErrorCode.UnknownGroup, 'assignmentGroupId', 'is not an active group');
        }
        if (group.tier < 2) {
          throw IncidentException.badField(
            IncidentErrorCode.NotTierTwo,
            'assignmentGroupId',
            `${group.name} is not a tier 2 group`,
          );
        }
        const result = this.incidents.transition(current, { type: 'assign', groupId: group.id, assigneeId: null }, principal, at);
        const from = { fromGroupId: current.assignmentGroupId, fromAssigneeId: current.assigneeId };
        return this.writer.commit(manager, current, withFacts(current, result.facts), {
          action: 'escalate',
          actor: actorOf(principal),
          at,
          note: dto.reason,
          events: [
            { event: IncidentReassigned, detail: from },
            {
              event: IncidentEscalated,
              detail: {
                kind: 'functional',
                automatic: false,
                reason: dto.reason,
                fromGroupId: current.assignmentGroupId,
                toGroupId: group.id,
                supervisorId: group.supervisorId,
              },
            },
          ],
        });
      }
      return this.hierarchical(manager, current, dto.reason, actorOf(principal), at, false);
    });
  }

  /** Notifies the assignment group's supervisor: an event and a history entry; the incident stays where it is. */
  async hierarchical(
    manager: EntityManager,
    current: IncidentEntity,
    reason: string,
    actor: EventActor,
    at: Date,
    automatic: boolean,
  ): Promise<IncidentEntity> {
    const group = current.assignmentGroupId ? await this.directory.findGroup(current.assignmentGroupId, manager) : null;
    if (!group?.supervisorId && !automatic) {
      throw new IncidentException(
        HttpStatus.CONFLICT,
        IncidentErrorCode.NoSupervisor,
        `${group ? group.name : 'The incident'} has no supervisor to escalate to`,
      );
    }
    return this.writer.commit(manager, current, withFacts(current, factsOf(current)), {
      action: 'escalate',
      actor,
      at,
      note: reason,
      extraChanges: [{ field: 'escalatedTo', from: null, to: group?.supervisorId ?? null }],
      events: [
        {
          event: IncidentEscalated,
          detail: {
            kind: 'hierarchical',
            automatic,
            reason,
            fromGroupId: current.assignmentGroupId,
            toGroupId: null,
            supervisorId: group?.supervisorId ?? null,
          },
        },
      ],
    });
  }

  private requireOpen(current: IncidentEntity): void {
    if (!isOpenState(current.state)) {
      throw new IncidentException(
        HttpStatus.CONFLICT,
        IncidentErrorCode.IllegalTransition,
        `Cannot escalate an incident in state ${current.state}; allowed: ${allowedActions(current.state).join(', ') || 'none'}`,
        [{ field: 'state', reason: `is ${current.state}` }],
      );
    }
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { KnowledgeHelpSessionStarted } from '@helpdesk/contracts';
import { OutboxService } from '@helpdesk/messaging';
import { DomainException } from '@helpdesk/service-runtime';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { actorOf } from '../articles/article-actor';
import { isStaff } from '../articles/domain/article-roles';
import { HelpSessionDto, StartHelpSessionDto } from './dto/help-session.dto';
import { KbHelpSessionEntity } from './entities/kb-help-session.entity';
import { HelpSessionsRepository } from './help-sessions.repository';

/**
 * Portal help sessions: the portal starts one when an employee begins describing a problem, then passes
 * its id with suggestion views and "this solved my problem". knowledge.help-session-started is what
 * reporting counts sessions by (itil.md self-service rate); starting the same id again counts nothing.
 */
@Injectable()
export class HelpSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: HelpSessionsRepository,
    private readonly outbox: OutboxService,
  ) {}

  async start(principal: Principal, dto: StartHelpSessionDto): Promise<HelpSessionDto> {
    return this.dataSource.transaction(async (manager) => {
      const session = Object.assign(new KbHelpSessionEntity(), {
        id: dto.id ?? randomUUID(),
        userId: principal.id,
        query: dto.query?.trim() || null,
        startedAt: new Date(),
      });
      if (!(await this.sessions.insertOnce(manager, session))) {
        const existing = (await this.sessions.find(manager, session.id))!;
        if (existing.userId !== principal.id) {
          // Someone else's session id: refuse rather than say whose it is.
          throw new DomainException(
            HttpStatus.CONFLICT,
            'KB_HELP_SESSION_TAKEN',
            `Help session id ${session.id} is taken; use another`,
            [{ field: 'id', reason: 'is taken' }],
          );
        }
        return toDto(existing, false);
      }
      await this.outbox.append(manager, {
        event: KnowledgeHelpSessionStarted,
        aggregateId: session.id,
        payload: {
          sessionId: session.id,
          userId: principal.id,
          userIsStaff: isStaff(principal.roles),
          channel: 'portal',
          query: session.query,
          startedAt: session.startedAt.toISOString(),
        },
        actor: actorOf(principal).event,
      });
      return toDto(session, true);
    });
  }
}

function toDto(s: KbHelpSessionEntity, started: boolean): HelpSessionDto {
  return { id: s.id, userId: s.userId, query: s.query, startedAt: s.startedAt.toISOString(), started };
}

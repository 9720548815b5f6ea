import { Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { runInTransaction } from '@helpdesk/database';
import { decodeCursor, Page, toPage } from '@helpdesk/service-runtime';
import { DataSource } from 'typeorm';
import { ProblemIncidentEntity } from '../incident-copies/entities/problem-incident.entity';
import { IncidentCopiesRepository } from '../incident-copies/incident-copies.repository';
import { eventActorOf } from '../problems/problem-actor';
import { ProblemsService } from '../problems/problems.service';
import { LinkedIncidentDto } from './dto/link-incident.dto';
import { ProblemLinksService } from './problem-links.service';

/** The HTTP use cases of links: resolve the problem reference, one transaction each, the view. */
@Injectable()
export class ProblemLinkCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly problems: ProblemsService,
    private readonly links: ProblemLinksService,
    private readonly copies: IncidentCopiesRepository,
  ) {}

  async list(ref: string, limit: number, cursor: string | undefined): Promise<Page<LinkedIncidentDto>> {
    const problem = await this.problems.findOrThrow(ref);
    const after = decodeCursor(cursor, { n: 'string' });
    const rows = await this.copies.linkedTo(problem.id, after?.n ?? null, limit);
    return toPage(rows, limit, (i) => ({ n: i.number }), toLinkedIncidentDto);
  }

  async link(principal: Principal, ref: string, incidentRef: string): Promise<LinkedIncidentDto> {
    const problem = await this.problems.findOrThrow(ref);
    const change = await runInTransaction(this.dataSource, (m) =>
      this.links.link(m, problem.id, incidentRef.trim(), eventActorOf(principal), new Date()),
    );
    return toLinkedIncidentDto(change.incident);
  }

  async unlink(principal: Principal, ref: string, incidentRef: string): Promise<void> {
    const problem = await this.problems.findOrThrow(ref);
    await runInTransaction(this.dataSource, (m) =>
      this.links.unlink(m, problem.id, incidentRef, eventActorOf(principal), new Date()),
    );
  }
}

export function toLinkedIncidentDto(i: ProblemIncidentEntity): LinkedIncidentDto {
  return {
    id: i.id,
    number: i.number,
    shortDescription: i.shortDescription,
    state: i.state,
    priority: i.priority,
    category: i.category,
    ciId: i.ciId,
    openedAt: i.openedAt.toISOString(),
    linkedAt: i.linkedAt?.toISOString() ?? null,
  };
}

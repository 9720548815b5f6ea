import { Injectable } from '@nestjs/common';
import { decodeCursor, DEFAULT_PAGE_SIZE, PageQueryDto, toPage } from '@helpdesk/service-runtime';
import { CiException } from '../cis/ci.exception';
import { CisRepository } from '../cis/cis.repository';
import { AssetIncidentEntity } from './asset-incident.entity';
import { AssetIncidentsRepository } from './asset-incidents.repository';
import { CiIncidentDto, CiIncidentsPageDto } from './dto/ci-incidents.dto';
import { ProblematicCiPolicy } from './problematic-ci.policy';

/** A CI's incident history (from the incident copy) and whether the CI counts as problematic now. */
@Injectable()
export class CiIncidentsService {
  constructor(
    private readonly cis: CisRepository,
    private readonly incidents: AssetIncidentsRepository,
    private readonly policy: ProblematicCiPolicy,
  ) {}

  async list(ref: string, query: PageQueryDto, now = new Date()): Promise<CiIncidentsPageDto> {
    const ci = await this.cis.find(ref);
    if (!ci) throw CiException.notFound(ref);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, { openedAt: 'timestamp', id: 'uuid' });
    const rows = await this.incidents.forCi(ci, after, limit);
    const inWindow = await this.incidents.countSince(ci, this.policy.windowStart(now));
    return {
      ...toPage(rows, limit, (i) => ({ openedAt: i.openedAt.toISOString(), id: i.id }), toCiIncidentDto),
      problematic: this.policy.isProblematic(inWindow),
      incidentsInWindow: inWindow,
      problematicThreshold: this.policy.threshold,
      window: this.policy.window,
    };
  }
}

function toCiIncidentDto(i: AssetIncidentEntity): CiIncidentDto {
  return {
    id: i.id,
    number: i.number,
    shortDescription: i.shortDescription,
    state: i.state,
    priority: i.priority,
    openedAt: i.openedAt.toISOString(),
    resolvedAt: i.resolvedAt?.toISOString() ?? null,
    callerId: i.callerId,
    ciRef: i.ciId ?? '',
  };
}

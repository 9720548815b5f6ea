import { Injectable } from '@nestjs/common';
import { CiType, RelationshipType } from '@helpdesk/contracts';
import { DEFAULT_IMPACT_DEPTH, DEFAULT_IMPACT_LIMIT, ImpactDto, ImpactQueryDto } from './dto/impact.dto';
import { ImpactRepository } from './impact.repository';
import { toImpactItemDto, toRelatedCiDto } from './relationship-view.mapper';
import { RelationshipsService } from './relationships.service';

/** Impact analysis: what depends on a CI (upstream) or what it needs (downstream), to any depth, loops included. */
@Injectable()
export class ImpactService {
  constructor(
    private readonly relationships: RelationshipsService,
    private readonly impact: ImpactRepository,
  ) {}

  async analyse(ref: string, query: ImpactQueryDto): Promise<ImpactDto> {
    const ci = await this.relationships.findOrThrow(ref);
    const maxDepth = query.maxDepth ?? DEFAULT_IMPACT_DEPTH;
    const rows = await this.impact.walk({
      startId: ci.id,
      direction: query.direction,
      maxDepth,
      types: distinctList<RelationshipType>(query.types),
      ciTypes: distinctList<CiType>(query.ciType),
      limit: query.limit ?? DEFAULT_IMPACT_LIMIT,
    });
    return {
      ci: toRelatedCiDto(ci),
      direction: query.direction,
      maxDepth,
      count: rows[0]?.total ?? 0,
      items: rows.map(toImpactItemDto),
    };
  }
}

/** A validated comma-separated list (the DTO checked each entry), or undefined for "all". */
function distinctList<T extends string>(list: string | undefined): T[] | undefined {
  return list ? ([...new Set(list.split(','))] as T[]) : undefined;
}

import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { ApiErrorResponses, Page, PageOf } from '@helpdesk/service-runtime';
import { ASSET_MANAGER_ROLES, ASSET_READER_ROLES } from '../cis/domain/ci-roles';
import { ImpactDto, ImpactQueryDto } from './dto/impact.dto';
import { AddRelationshipDto, ListRelationshipsQueryDto, RelationshipDto } from './dto/relationship.dto';
import { ImpactService } from './impact.service';
import { RelationshipsService } from './relationships.service';

const CI_ID_PARAM = { name: 'id', description: 'UUID or CI number (CI-00042)' };

@ApiTags('assets')
@ApiBearerAuth()
@Controller('assets')
export class RelationshipsController {
  constructor(
    private readonly relationships: RelationshipsService,
    private readonly impact: ImpactService,
  ) {}

  @Post(':id/relationships')
  @HttpCode(201)
  @Roles(...ASSET_MANAGER_ROLES)
  @ApiOperation({
    summary: 'Record a relationship from this CI (the source) to another',
    description:
      'Asset managers and admins. E.g. a VM runs_on a host, a business service depends_on a switch. Not to itself, ' +
      'not twice (409), not from or to a disposed CI (409). Emits asset.relationship-added on this CI (its version ' +
      'stays); both CIs get a history entry. Loops are allowed: impact analysis stops at them.',
  })
  @ApiParam(CI_ID_PARAM)
  @ApiCreatedResponse({ type: RelationshipDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  add(@Param('id') id: string, @Body() dto: AddRelationshipDto, @CurrentUser() principal: Principal): Promise<RelationshipDto> {
    return this.relationships.add(principal, id, dto);
  }

  @Get(':id/relationships')
  @Roles(...ASSET_READER_ROLES)
  @ApiOperation({
    summary: "A CI's relationships, both ways, with the CI at the other end",
    description: 'IT staff. Outgoing edges (this CI is the source) first, then incoming; each by the other CI’s number.',
  })
  @ApiParam(CI_ID_PARAM)
  @ApiOkResponse({ type: PageOf(RelationshipDto) })
  @ApiErrorResponses(400, 401, 403, 404)
  list(@Param('id') id: string, @Query() query: ListRelationshipsQueryDto): Promise<Page<RelationshipDto>> {
    return this.relationships.list(id, query);
  }

  @Delete(':id/relationships/:relationshipId')
  @HttpCode(204)
  @Roles(...ASSET_MANAGER_ROLES)
  @ApiOperation({
    summary: 'Remove a relationship of this CI (either end)',
    description: 'Asset managers and admins. Emits asset.relationship-removed on the source CI; both CIs get a history entry.',
  })
  @ApiParam(CI_ID_PARAM)
  @ApiParam({ name: 'relationshipId', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiErrorResponses(401, 403, 404)
  async remove(
    @Param('id') id: string,
    @Param('relationshipId') relationshipId: string,
    @CurrentUser() principal: Principal,
  ): Promise<void> {
    await this.relationships.remove(principal, id, relationshipId);
  }

  @Get(':id/impact')
  @Roles(...ASSET_READER_ROLES)
  @ApiOperation({
    summary: 'Impact analysis: what depends on this CI (upstream) or what it needs (downstream)',
    description:
      'IT staff. Walks relationships to maxDepth hops (default 10, at most 50) and answers each CI reached once, at its ' +
      'shortest depth with one path; loops end the walk. Disposed CIs are neither answered nor walked through. ' +
      '"Which business services depend on this switch?": direction=upstream&ciType=business_service.',
  })
  @ApiParam(CI_ID_PARAM)
  @ApiOkResponse({ type: ImpactDto })
  @ApiErrorResponses(400, 401, 403, 404)
  analyse(@Param('id') id: string, @Query() query: ImpactQueryDto): Promise<ImpactDto> {
    return this.impact.analyse(id, query);
  }
}

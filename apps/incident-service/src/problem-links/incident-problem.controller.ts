import { Body, Controller, Delete, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { Role } from '@helpdesk/contracts';
import { ApiErrorResponses, etagOf, expectedVersion } from '@helpdesk/service-runtime';
import type { Response } from 'express';
import { IncidentDto } from '../incidents/dto/incident.dto';
import { WORKER_ROLES } from '../incidents/incident-access.policy';
import {
  ConfirmProblemResolutionsDto,
  MAX_CONFIRMED_INCIDENTS,
  ProblemResolutionConfirmationDto,
} from './dto/confirm-problem-resolutions.dto';
import { LinkProblemDto } from './dto/link-problem.dto';
import { IncidentProblemService } from './incident-problem.service';
import { ProblemResolutionService } from './problem-resolution.service';

/** IT staff who work incidents, problem managers included: they link incidents to problems and confirm resolutions. */
export const PROBLEM_LINK_ROLES: readonly Role[] = [...WORKER_ROLES, 'problem_manager'];

const ID_PARAM = { name: 'id', description: 'UUID or number (INC0001234)' };
const IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag (version) you read, e.g. "3"; stale → 409' };

/**
 * The problem side of an incident: link it to a problem from the incident, unlink it, and confirm in bulk the
 * resolutions that resolved problems proposed. `problem-resolutions/confirm` is a literal path with two segments,
 * so it is declared first here, and IncidentsController has no `:id/confirm` that could take it.
 */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentProblemController {
  constructor(
    private readonly links: IncidentProblemService,
    private readonly resolutions: ProblemResolutionService,
  ) {}

  @Post('problem-resolutions/confirm')
  @HttpCode(200)
  @Roles(...PROBLEM_LINK_ROLES)
  @ApiOperation({
    summary: 'Confirm proposed problem resolutions in bulk',
    description:
      `Up to ${MAX_CONFIRMED_INCIDENTS} incidents (UUIDs or numbers). Each that is still open and has ` +
      '`problemResolutionProposedAt` (its linked problem was resolved) is resolved with code `resolved_by_problem`, ' +
      'in its own transaction; the others are listed under `skipped` with the reason. ' +
      'Find candidates with `GET /incidents?problemResolutionProposed=true`.',
  })
  @ApiOkResponse({ type: ProblemResolutionConfirmationDto })
  @ApiErrorResponses(400, 401, 403)
  confirm(
    @Body() dto: ConfirmProblemResolutionsDto,
    @CurrentUser() principal: Principal,
  ): Promise<ProblemResolutionConfirmationDto> {
    return this.resolutions.confirm(principal, dto.incidentIds, dto.notes);
  }

  @Post(':id/problem')
  @HttpCode(200)
  @Roles(...PROBLEM_LINK_ROLES)
  @ApiOperation({
    summary: 'Link the incident to a problem',
    description:
      'The problem by UUID or number (PRB0000007), as this service knows it from problem events: unknown → 400, ' +
      'closed → 409. Shows the problem’s workaround when it has one; linked to a problem already resolved, an open ' +
      'incident gets its resolution proposed. Emits `incident.problem-linked` (origin `incident`).',
  })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: IncidentDto, headers: { ETag: { description: 'The version, for If-Match' } } })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async link(
    @Param('id') id: string,
    @Body() dto: LinkProblemDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IncidentDto> {
    return withEtag(res, await this.links.link(principal, id, dto.problem, expectedVersion(ifMatch, dto.version)));
  }

  @Delete(':id/problem')
  @HttpCode(200)
  @Roles(...PROBLEM_LINK_ROLES)
  @ApiOperation({
    summary: 'Unlink the incident from its problem',
    description: 'Clears the problem, its workaround and any resolution proposal; nothing to unlink → 200 unchanged.',
  })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: IncidentDto, headers: { ETag: { description: 'The version, for If-Match' } } })
  @ApiErrorResponses(401, 403, 404, 409)
  async unlink(
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IncidentDto> {
    return withEtag(res, await this.links.unlink(principal, id, expectedVersion(ifMatch, undefined)));
  }
}

function withEtag(res: Response, dto: IncidentDto): IncidentDto {
  res.setHeader('ETag', etagOf(dto.version));
  return dto;
}

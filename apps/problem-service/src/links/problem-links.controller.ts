import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { ApiErrorResponses, Page, PageOf, PageQueryDto } from '@helpdesk/service-runtime';
import { PROBLEM_READER_ROLES } from '../problems/domain/problem-roles';
import { PROBLEM_ID_PARAM } from '../problems/problems.controller';
import { LinkedIncidentDto, LinkIncidentDto } from './dto/link-incident.dto';
import { ProblemLinkCommands } from './problem-link.commands';

@ApiTags('problems')
@ApiBearerAuth()
@Controller('problems')
export class ProblemLinksController {
  constructor(private readonly commands: ProblemLinkCommands) {}

  @Get(':id/incidents')
  @Roles(...PROBLEM_READER_ROLES)
  @ApiOperation({ summary: 'The incidents linked to a problem (by number)' })
  @ApiParam(PROBLEM_ID_PARAM)
  @ApiOkResponse({ type: PageOf(LinkedIncidentDto) })
  @ApiErrorResponses(400, 401, 403, 404)
  list(@Param('id') id: string, @Query() page: PageQueryDto): Promise<Page<LinkedIncidentDto>> {
    return this.commands.list(id, page.limit ?? 50, page.cursor);
  }

  @Post(':id/incidents')
  @HttpCode(200)
  @Roles(...PROBLEM_READER_ROLES)
  @ApiOperation({
    summary: 'Link an incident to the problem',
    description:
      'IT staff (agents link too). An incident has one problem: linking it here moves it off another. Emits ' +
      'problem.incident-linked; the incident service then shows the problem (and a known error\u2019s workaround) on it. ' +
      'Linking again is harmless. Not on closed problems (409).',
  })
  @ApiParam(PROBLEM_ID_PARAM)
  @ApiOkResponse({ type: LinkedIncidentDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  link(@Param('id') id: string, @Body() dto: LinkIncidentDto, @CurrentUser() principal: Principal): Promise<LinkedIncidentDto> {
    return this.commands.link(principal, id, dto.incident);
  }

  @Delete(':id/incidents/:incidentId')
  @HttpCode(204)
  @Roles(...PROBLEM_READER_ROLES)
  @ApiOperation({ summary: 'Unlink an incident from the problem', description: 'IT staff. Emits problem.incident-unlinked.' })
  @ApiParam(PROBLEM_ID_PARAM)
  @ApiParam({ name: 'incidentId', description: 'UUID or INC number' })
  @ApiNoContentResponse()
  @ApiErrorResponses(401, 403, 404, 409)
  async unlink(
    @Param('id') id: string,
    @Param('incidentId') incidentId: string,
    @CurrentUser() principal: Principal,
  ): Promise<void> {
    await this.commands.unlink(principal, id, incidentId);
  }
}

import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { ApiErrorResponses, etagOf, expectedVersion, Page, PageOf, PageQueryDto } from '@helpdesk/service-runtime';
import type { Response } from 'express';
import { CreateIncidentDto } from './dto/create-incident.dto';
import {
  AssignIncidentDto,
  CancelIncidentDto,
  EscalateIncidentDto,
  HoldIncidentDto,
  IncidentActionDto,
  ResolveIncidentDto,
  SatisfactionDto,
} from './dto/incident-actions.dto';
import { IncidentDto, IncidentHistoryEntryDto } from './dto/incident.dto';
import { ListIncidentsQueryDto } from './dto/list-incidents.query.dto';
import { UpdateIncidentDto } from './dto/update-incident.dto';
import { WORKER_ROLES } from './incident-access.policy';
import { IncidentEscalationService } from './incident-escalation.service';
import { IncidentsService } from './incidents.service';

const ID_PARAM = { name: 'id', description: 'UUID or number (INC0001234)' };
const IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag (version) you read, e.g. "3"; stale → 409' };

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly escalation: IncidentEscalationService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Open an incident',
    description:
      'Employees open their own (channel portal or chat). IT staff may open for a caller (`callerId`), on any channel, ' +
      'assign directly, or log a live contact resolved at once (`resolveAtFirstContact`). Without an assignment group, ' +
      'routing rules choose one (default: the service desk). Priority is derived from impact × urgency.',
  })
  @ApiCreatedResponse({ type: IncidentDto, headers: { ETag: { description: 'The version, for If-Match' } } })
  @ApiErrorResponses(400, 401, 403)
  async create(
    @Body() dto: CreateIncidentDto,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IncidentDto> {
    return withEtag(res, await this.incidents.create(principal, dto));
  }

  @Get()
  @ApiOperation({
    summary: 'List incidents',
    description:
      'Employees see only incidents they are the caller of. Staff see their queue by default (their groups, assigned ' +
      'to them; supervisors also breaches); `scope=all` searches everything. Filters: state, priority, group, ' +
      'assignee (id, me, none), caller, category, channel, q, breached, slaDueBefore, problem, problemResolutionProposed; ' +
      'sort=slaDue for queues.',
  })
  @ApiOkResponse({ type: PageOf(IncidentDto) })
  @ApiErrorResponses(400, 401)
  list(@Query() query: ListIncidentsQueryDto, @CurrentUser() principal: Principal): Promise<Page<IncidentDto>> {
    return this.incidents.list(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an incident, with its live SLA timers' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: IncidentDto, headers: { ETag: { description: 'The version, for If-Match' } } })
  @ApiErrorResponses(401, 404)
  async get(
    @Param('id') id: string,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IncidentDto> {
    return withEtag(res, await this.incidents.get(principal, id));
  }

  @Patch(':id')
  @Roles(...WORKER_ROLES)
  @ApiOperation({
    summary: 'Change impact, urgency, category, CI or texts',
    description: 'Priority is re-derived and SLA timers re-targeted when impact or urgency change.',
  })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async update(
    @Param('id') id: string,
    @Body() dto: UpdateIncidentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IncidentDto> {
    return withEtag(res, await this.incidents.update(principal, id, dto, expectedVersion(ifMatch, dto.version)));
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles(...WORKER_ROLES)
  @ApiOperation({
    summary: 'Assign to a group (and optionally a member)',
    description: 'A change of group after the first assignment is a reassignment (counted).',
  })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async assign(
    @Param('id') id: string,
    @Body() dto: AssignIncidentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IncidentDto> {
    const command = { type: 'assign' as const, groupId: dto.assignmentGroupId, assigneeId: dto.assigneeId ?? null };
    return withEtag(res, await this.incidents.act(principal, id, command, expectedVersion(ifMatch, dto.version), dto.note));
  }

  @Post(':id/start')
  @HttpCode(200)
  @Roles(...WORKER_ROLES)
  @ApiOperation({ summary: 'Start work (assigned → in_progress); takes it if nobody has it' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  start(
    @Param('id') id: string,
    @Body() dto: IncidentActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(res, p, id, { type: 'start' }, ifMatch, dto);
  }

  @Post(':id/hold')
  @HttpCode(200)
  @Roles(...WORKER_ROLES)
  @ApiOperation({ summary: 'Put on hold with a reason (awaiting_user / awaiting_vendor stop the SLA clock)' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  hold(
    @Param('id') id: string,
    @Body() dto: HoldIncidentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(res, p, id, { type: 'hold', reason: dto.reason }, ifMatch, dto);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(...WORKER_ROLES)
  @ApiOperation({ summary: 'Resume work (on_hold → in_progress)' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  resume(
    @Param('id') id: string,
    @Body() dto: IncidentActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(res, p, id, { type: 'resume' }, ifMatch, dto);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles(...WORKER_ROLES)
  @ApiOperation({ summary: 'Resolve with a code and notes (and the knowledge article that solved it)' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  resolve(
    @Param('id') id: string,
    @Body() dto: ResolveIncidentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command = {
      type: 'resolve' as const,
      code: dto.resolutionCode,
      notes: dto.resolutionNotes,
      knowledgeArticleId: dto.knowledgeArticleId ?? null,
    };
    return this.run(res, p, id, command, ifMatch, dto);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reopen within the reopen window (resolved → in_progress)',
    description: 'By the caller, or by an agent on the caller’s word. Counts in reopenCount.',
  })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  reopen(
    @Param('id') id: string,
    @Body() dto: IncidentActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(res, p, id, { type: 'reopen' }, ifMatch, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the resolution and close (resolved → closed; final)' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  close(
    @Param('id') id: string,
    @Body() dto: IncidentActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(res, p, id, { type: 'close' }, ifMatch, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel an open incident with a reason',
    description: 'Staff: duplicate, raised_in_error or withdrawn; the caller: withdrawn.',
  })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  cancel(
    @Param('id') id: string,
    @Body() dto: CancelIncidentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(res, p, id, { type: 'cancel', reason: dto.reason }, ifMatch, dto);
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @Roles(...WORKER_ROLES)
  @ApiOperation({
    summary: 'Escalate',
    description:
      'functional: reassign to a tier 2 group (counted as a reassignment); hierarchical: notify the assignment group’s supervisor (no reassignment).',
  })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async escalate(
    @Param('id') id: string,
    @Body() dto: EscalateIncidentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IncidentDto> {
    return withEtag(res, await this.escalation.escalate(principal, id, dto, expectedVersion(ifMatch, dto.version)));
  }

  @Post(':id/satisfaction')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer the satisfaction survey (the caller, once, after resolution)' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async satisfaction(
    @Param('id') id: string,
    @Body() dto: SatisfactionDto,
    @CurrentUser() principal: Principal,
  ): Promise<IncidentDto> {
    return this.incidents.recordSatisfaction(principal, id, dto.rating, dto.comment ?? null);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every change: who, when, which action, each field before and after' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: PageOf(IncidentHistoryEntryDto) })
  @ApiErrorResponses(400, 401, 404)
  history(
    @Param('id') id: string,
    @Query() page: PageQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<IncidentHistoryEntryDto>> {
    return this.incidents.history(principal, id, page.limit ?? 100, page.cursor);
  }

  private async run(
    res: Response,
    principal: Principal,
    id: string,
    command: Parameters<IncidentsService['act']>[2],
    ifMatch: string | undefined,
    dto: IncidentActionDto,
  ): Promise<IncidentDto> {
    return withEtag(res, await this.incidents.act(principal, id, command, expectedVersion(ifMatch, dto.version), dto.note));
  }
}

function withEtag(res: Response, dto: IncidentDto): IncidentDto {
  res.setHeader('ETag', etagOf(dto.version));
  return dto;
}

import { applyDecorators, Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { ApiErrorResponses, etagOf, expectedVersion, Page, PageOf, PageQueryDto } from '@helpdesk/service-runtime';
import type { Response } from 'express';
import { ProblemAction } from './domain/problem-lifecycle';
import { PROBLEM_MANAGER_ROLES, PROBLEM_READER_ROLES } from './domain/problem-roles';
import { CreateProblemDto } from './dto/create-problem.dto';
import { ListProblemsQueryDto } from './dto/list-problems.query.dto';
import { CloseProblemDto, PublishKnownErrorDto, ResolveProblemDto, StartProblemDto } from './dto/problem-actions.dto';
import { ProblemDto, ProblemHistoryEntryDto, ProblemSummaryDto } from './dto/problem.dto';
import { UpdateProblemDto } from './dto/update-problem.dto';
import { ProblemsService } from './problems.service';

export const PROBLEM_ID_PARAM = { name: 'id', description: 'UUID or number (PRB0000007)' };
const IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag (version) you read, e.g. "3"; stale → 409' };
const ETAG = { ETag: { description: 'The version, for If-Match' } };

@ApiTags('problems')
@ApiBearerAuth()
@Controller('problems')
export class ProblemsController {
  constructor(private readonly problems: ProblemsService) {}

  @Post()
  @HttpCode(201)
  @Roles(...PROBLEM_MANAGER_ROLES)
  @ApiOperation({
    summary: 'Record a problem',
    description: 'Problem managers and admins. State new; the owner defaults to you. `incidents` links incidents at once.',
  })
  @ApiCreatedResponse({ type: ProblemDto, headers: ETAG })
  @ApiErrorResponses(400, 401, 403)
  async create(@Body() dto: CreateProblemDto, @CurrentUser() principal: Principal, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.problems.create(principal, dto));
  }

  @Get()
  @Roles(...PROBLEM_READER_ROLES)
  @ApiOperation({
    summary: 'List problems (latest change first)',
    description: 'IT staff. Filters: state, owner (id or me), category, ci, q.',
  })
  @ApiOkResponse({ type: PageOf(ProblemSummaryDto) })
  @ApiErrorResponses(400, 401, 403)
  list(@Query() query: ListProblemsQueryDto, @CurrentUser() principal: Principal): Promise<Page<ProblemSummaryDto>> {
    return this.problems.list({ ...query, owner: query.owner === 'me' ? principal.id : query.owner?.toLowerCase() });
  }

  @Get(':id')
  @Roles(...PROBLEM_READER_ROLES)
  @ApiOperation({ summary: 'Read a problem with its RCA record, known error and counts' })
  @ApiParam(PROBLEM_ID_PARAM)
  @ApiOkResponse({ type: ProblemDto, headers: ETAG })
  @ApiErrorResponses(401, 403, 404)
  async get(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<ProblemDto> {
    return withEtag(res, await this.problems.get(id));
  }

  @Patch(':id')
  @Roles(...PROBLEM_MANAGER_ROLES)
  @ApiOperation({
    summary: 'Edit a problem and its root-cause analysis',
    description:
      'Problem managers and admins; not once closed. Editing the workaround or root cause of a known error re-publishes it ' +
      '(problem.known-error-published), so linked incidents show the new text.',
  })
  @ApiParam(PROBLEM_ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ProblemDto, headers: ETAG })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async update(
    @Param('id') id: string,
    @Body() dto: UpdateProblemDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProblemDto> {
    return withEtag(res, await this.problems.update(principal, id, dto, expectedVersion(ifMatch, dto.version)));
  }

  @ProblemActionRoute('start', {
    summary: 'Start investigating (new → investigating)',
    description: 'Problem managers and admins.',
  })
  start(
    @Param('id') id: string,
    @Body() dto: StartProblemDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act('start', id, dto, ifMatch, p, res);
  }

  @ProblemActionRoute('known-error', {
    summary: 'Publish the known error (investigating → known_error; again from known_error to update it)',
    description:
      'Problem managers and admins. Needs a root cause and a workaround (here or already recorded). Emits ' +
      'problem.known-error-published: every linked open incident shows the workaround, and the knowledge base drafts an article.',
  })
  knownError(
    @Param('id') id: string,
    @Body() dto: PublishKnownErrorDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act('known-error', id, dto, ifMatch, p, res);
  }

  @ProblemActionRoute('resolve', {
    summary: 'Resolve: the permanent fix is done (investigating or known_error → resolved)',
    description:
      'Problem managers and admins. Emits problem.resolved: the incident service proposes resolution of the open linked ' +
      'incidents to agents (they confirm in bulk), or resolves them itself with code resolved_by_problem when ' +
      '`resolveLinkedIncidents` is true.',
  })
  resolve(
    @Param('id') id: string,
    @Body() dto: ResolveProblemDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act('resolve', id, dto, ifMatch, p, res);
  }

  @ProblemActionRoute('close', { summary: 'Close a resolved problem (final)', description: 'Problem managers and admins.' })
  close(
    @Param('id') id: string,
    @Body() dto: CloseProblemDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act('close', id, dto, ifMatch, p, res);
  }

  @Get(':id/history')
  @Roles(...PROBLEM_READER_ROLES)
  @ApiOperation({ summary: 'The audit trail, newest first: who did what, when, which fields changed' })
  @ApiParam(PROBLEM_ID_PARAM)
  @ApiOkResponse({ type: PageOf(ProblemHistoryEntryDto) })
  @ApiErrorResponses(400, 401, 403, 404)
  history(@Param('id') id: string, @Query() page: PageQueryDto): Promise<Page<ProblemHistoryEntryDto>> {
    return this.problems.history(id, page.limit ?? 50, page.cursor);
  }

  private async act(
    action: ProblemAction,
    id: string,
    dto: { version?: number },
    ifMatch: string | undefined,
    principal: Principal,
    res: Response,
  ): Promise<ProblemDto> {
    return withEtag(res, await this.problems.act(principal, id, action, expectedVersion(ifMatch, dto.version), dto));
  }
}

function ProblemActionRoute(action: ProblemAction, operation: { summary: string; description: string }) {
  return applyDecorators(
    Post(`:id/${action}`),
    HttpCode(200),
    Roles(...PROBLEM_MANAGER_ROLES),
    ApiOperation(operation),
    ApiParam(PROBLEM_ID_PARAM),
    ApiHeader(IF_MATCH),
    ApiOkResponse({ type: ProblemDto, headers: ETAG }),
    ApiErrorResponses(400, 401, 403, 404, 409),
  );
}

function withEtag(res: Response, dto: ProblemDto): ProblemDto {
  res.setHeader('ETag', etagOf(dto.version));
  return dto;
}

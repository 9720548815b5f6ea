import { applyDecorators, Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { Role } from '@helpdesk/contracts';
import {
  ApiErrorResponses,
  etagOf,
  expectedVersion,
  Page,
  PageOf,
  PageQueryDto,
  RequestValidationException,
} from '@helpdesk/service-runtime';
import type { Response } from 'express';
import { ArticlesService } from './articles.service';
import { ArticleTransition } from './domain/article-lifecycle';
import { AUTHOR_ROLES, REVIEWER_ROLES } from './domain/article-roles';
import { ArticleActionDto, RejectArticleDto, RetireArticleDto } from './dto/article-actions.dto';
import { ArticleDto, ArticleSummaryDto, ArticleVersionDto, ArticleVersionSummaryDto } from './dto/article.dto';
import { CreateArticleDto } from './dto/create-article.dto';
import { GetArticleQueryDto } from './dto/get-article.query.dto';
import { ListArticlesQueryDto } from './dto/list-articles.query.dto';
import { UpdateArticleDto } from './dto/update-article.dto';

const ID_PARAM = { name: 'id', description: 'UUID or number (KB0001234)' };
const IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag (version) you read, e.g. "3"; stale → 409' };
const ETAG = { ETag: { description: 'The version, for If-Match' } };
/** The largest version PostgreSQL's integer column holds. */
const MAX_VERSION = 2_147_483_647;

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('kb/articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Post()
  @HttpCode(201)
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Start a draft article',
    description:
      'Authors (agents, specialists, supervisors, problem managers, knowledge managers, admins). Version 1, state draft.',
  })
  @ApiCreatedResponse({ type: ArticleDto, headers: ETAG })
  @ApiErrorResponses(400, 401, 403, 409)
  async create(@Body() dto: CreateArticleDto, @CurrentUser() principal: Principal, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.articles.create(principal, dto));
  }

  @Get()
  @ApiOperation({
    summary: 'List articles (newest change first)',
    description:
      'Employees see published articles for employees only; IT staff published and retired ones; authors and reviewers every ' +
      'state. Filters: state, lang, category (with subcategories), audience, tag, author (me), source. For text search use GET /kb/search.',
  })
  @ApiOkResponse({ type: PageOf(ArticleSummaryDto) })
  @ApiErrorResponses(400, 401)
  list(@Query() query: ListArticlesQueryDto, @CurrentUser() principal: Principal): Promise<Page<ArticleSummaryDto>> {
    return this.articles.list(principal, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read an article (rendered HTML included)',
    description:
      'Reading a published article counts a view and emits knowledge.article-viewed; pass `source=suggestion&session=<id>` ' +
      'when the portal suggested it, for the self-service rate. What the caller may not see is a 404.',
  })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: ArticleDto, headers: ETAG })
  @ApiErrorResponses(400, 401, 404)
  async get(
    @Param('id') id: string,
    @Query() query: GetArticleQueryDto,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ArticleDto> {
    return withEtag(res, await this.articles.get(principal, id, query));
  }

  @Patch(':id')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Edit an article (a new version with a diff)',
    description:
      'Authors edit drafts; knowledge managers and admins also articles in review and published ones (they stay published).',
  })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ArticleDto, headers: ETAG })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async update(
    @Param('id') id: string,
    @Body() dto: UpdateArticleDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ArticleDto> {
    return withEtag(res, await this.articles.update(principal, id, dto, expectedVersion(ifMatch, dto.version)));
  }

  @ArticleTransitionRoute('submit', AUTHOR_ROLES, {
    summary: 'Submit a draft for review (draft → in_review)',
    description: 'Authors. The article then waits for a knowledge manager or admin to publish it or send it back.',
  })
  submit(
    @Param('id') id: string,
    @Body() dto: ArticleActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ArticleDto> {
    return this.transition('submit', id, dto, ifMatch, principal, res);
  }

  @ArticleTransitionRoute('publish', REVIEWER_ROLES, {
    summary: 'Publish an article in review (in_review → published)',
    description:
      'Knowledge managers and admins. The article becomes searchable and readable by its audience; emits knowledge.article-published.',
  })
  publish(
    @Param('id') id: string,
    @Body() dto: ArticleActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ArticleDto> {
    return this.transition('publish', id, dto, ifMatch, principal, res);
  }

  @ArticleTransitionRoute('reject', REVIEWER_ROLES, {
    summary: 'Send an article in review back to draft with a reason',
    description: 'Knowledge managers and admins. The reason is shown to the author as reviewNote.',
  })
  reject(
    @Param('id') id: string,
    @Body() dto: RejectArticleDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ArticleDto> {
    return this.transition('reject', id, dto, ifMatch, principal, res);
  }

  @ArticleTransitionRoute('retire', REVIEWER_ROLES, {
    summary: 'Retire a published article (published → retired; final)',
    description:
      'Knowledge managers and admins. The article leaves search and the employees’ view (IT staff still read it); emits knowledge.article-retired.',
  })
  retire(
    @Param('id') id: string,
    @Body() dto: RetireArticleDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ArticleDto> {
    return this.transition('retire', id, dto, ifMatch, principal, res);
  }

  @Get(':id/versions')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Every version, newest first: who, when, which action, changed fields and the diff',
    description: 'Authors and reviewers. Every edit and every transition is a version; views and feedback are not.',
  })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: PageOf(ArticleVersionSummaryDto) })
  @ApiErrorResponses(400, 401, 403, 404)
  versions(
    @Param('id') id: string,
    @Query() page: PageQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<ArticleVersionSummaryDto>> {
    return this.articles.versions(principal, id, page.limit ?? 50, page.cursor);
  }

  @Get(':id/versions/:version')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'One version with its full content as of then',
    description: 'Authors and reviewers. The content is what the article held right after that version was written.',
  })
  @ApiParam(ID_PARAM)
  @ApiParam({ name: 'version', type: Number, description: 'Version number, from 1 (GET …/versions lists them)' })
  @ApiOkResponse({ type: ArticleVersionDto })
  @ApiErrorResponses(400, 401, 403, 404)
  version(
    @Param('id') id: string,
    @Param('version') version: string,
    @CurrentUser() principal: Principal,
  ): Promise<ArticleVersionDto> {
    return this.articles.version(principal, id, parseVersionParam(version));
  }

  /** submit / publish / reject / retire: the same plumbing, the service decides. */
  private async transition(
    action: ArticleTransition,
    id: string,
    dto: ArticleActionDto & { reason?: string },
    ifMatch: string | undefined,
    principal: Principal,
    res: Response,
  ): Promise<ArticleDto> {
    return withEtag(res, await this.articles.act(principal, id, action, expectedVersion(ifMatch, dto.version), dto));
  }
}

/** `POST /kb/articles/{id}/<action>` with its roles and OpenAPI description. */
function ArticleTransitionRoute(
  action: ArticleTransition,
  roles: readonly Role[],
  operation: { summary: string; description: string },
) {
  return applyDecorators(
    Post(`:id/${action}`),
    HttpCode(200),
    Roles(...roles),
    ApiOperation(operation),
    ApiParam(ID_PARAM),
    ApiHeader(IF_MATCH),
    ApiOkResponse({ type: ArticleDto, headers: ETAG }),
    ApiErrorResponses(400, 401, 403, 404, 409),
  );
}

/** Versions are PostgreSQL integers from 1: anything else (`0`, `1e3`, 2^31) is a 400 naming it, never a query. */
function parseVersionParam(raw: string): number {
  const version = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(version >= 1 && version <= MAX_VERSION)) {
    throw new RequestValidationException([
      { field: 'version', reason: `version must be a whole number from 1 to ${MAX_VERSION}` },
    ]);
  }
  return version;
}

function withEtag(res: Response, dto: ArticleDto): ArticleDto {
  res.setHeader('ETag', etagOf(dto.version));
  return dto;
}

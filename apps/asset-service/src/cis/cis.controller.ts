import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiExtraModels,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { wantsCsv } from '@helpdesk/csv';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { ApiErrorResponses, etagOf, expectedVersion, Page, PageOf, PageQueryDto } from '@helpdesk/service-runtime';
import type { Response } from 'express';
import { CisService } from './cis.service';
import { ASSET_MANAGER_ROLES, ASSET_READER_ROLES } from './domain/ci-roles';
import { AssignCiDto, TransitionCiDto, UnassignCiDto } from './dto/ci-actions.dto';
import { CiDto, CiHistoryEntryDto } from './dto/ci.dto';
import { CreateCiDto } from './dto/create-ci.dto';
import { ListCisQueryDto } from './dto/list-cis.query.dto';
import { UpdateCiDto } from './dto/update-ci.dto';
import { CiCsvExporter, CSV_EXPORT_MAX_ROWS } from './export/ci-csv-exporter.service';

export const CI_ID_PARAM = { name: 'id', description: 'UUID or number (CI-00042)' };
const IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag (version) you read, e.g. "3"; stale → 409' };
const ETAG = { ETag: { description: 'The version, for If-Match' } };
const CI_PAGE = PageOf(CiDto);

@ApiTags('assets')
@ApiBearerAuth()
@Controller('assets')
export class CisController {
  constructor(
    private readonly cis: CisService,
    private readonly exporter: CiCsvExporter,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...ASSET_MANAGER_ROLES)
  @ApiOperation({
    summary: 'Record a configuration item',
    description:
      'Asset managers and admins. The fields that apply depend on the type (GET /assets/types); others are a 400 ' +
      '"does not apply to <type>". State in_stock (default) or ordered. Emits asset.created.',
  })
  @ApiCreatedResponse({ type: CiDto, headers: ETAG })
  @ApiErrorResponses(400, 401, 403, 409)
  async create(@Body() dto: CreateCiDto, @CurrentUser() principal: Principal, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.cis.create(principal, dto));
  }

  @Get()
  @Roles(...ASSET_READER_ROLES)
  @ApiOperation({
    summary: 'List CIs (latest change first), or export the whole filtered list as CSV',
    description:
      'IT staff. Filters: type, state, assignedTo (UUID or me), department, location, q, warrantyBefore. With ' +
      `\`Accept: text/csv\` or \`?format=csv\`: every page as one CSV (UTF-8 with BOM, header row, RFC 4180; at most ` +
      `${CSV_EXPORT_MAX_ROWS} rows, X-Total-Count tells how many matched).`,
  })
  @ApiExtraModels(CI_PAGE)
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(CI_PAGE) } },
      'text/csv': { schema: { type: 'string', description: 'Header row, then one CI per record' } },
    },
    headers: { 'X-Total-Count': { description: 'CSV: how many CIs matched the filter' } },
  })
  @ApiErrorResponses(400, 401, 403)
  async list(
    @Query() query: ListCisQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Page<CiDto> | StreamableFile> {
    const filter = {
      type: query.type,
      state: query.state,
      assignedToId: query.assignedTo === 'me' ? principal.id : query.assignedTo?.toLowerCase(),
      department: query.department,
      location: query.location?.trim() || undefined,
      text: query.q?.trim() || undefined,
      warrantyBefore: query.warrantyBefore,
    };
    if (!wantsCsv(query.format, accept)) return this.cis.list(filter, query.limit, query.cursor);
    const csv = await this.exporter.export(filter);
    res.setHeader('X-Total-Count', String(csv.total));
    if (csv.truncated) res.setHeader('X-Export-Truncated', `first ${CSV_EXPORT_MAX_ROWS} of ${csv.total} rows`);
    return new StreamableFile(csv.stream, {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="assets.csv"',
    }).setErrorHandler((_error, response) => {
      const r = response as unknown as Response;
      if (r.destroyed) return;
      // Rows already went out: abort, so the client sees a broken transfer rather than a short CSV.
      if (r.headersSent) r.destroy();
      else r.status(500).json({ statusCode: 500, error: 'Internal Server Error', message: 'The CSV export failed', details: [] });
    });
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read a CI',
    description: 'IT staff read any CI; anyone else only a CI assigned to them (404 otherwise).',
  })
  @ApiParam(CI_ID_PARAM)
  @ApiOkResponse({ type: CiDto, headers: ETAG })
  @ApiErrorResponses(401, 404)
  async get(@Param('id') id: string, @CurrentUser() principal: Principal, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.cis.get(principal, id));
  }

  @Patch(':id')
  @Roles(...ASSET_MANAGER_ROLES)
  @ApiOperation({
    summary: 'Edit a CI\u2019s fields and custom attributes',
    description:
      'Asset managers and admins. Left out stays, null clears; the type\u2019s rules apply. Type cannot change; state ' +
      'changes through transition, assign and unassign. Emits asset.updated with the changed fields.',
  })
  @ApiParam(CI_ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: CiDto, headers: ETAG })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async update(
    @Param('id') id: string,
    @Body() dto: UpdateCiDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CiDto> {
    return withEtag(res, await this.cis.update(principal, id, dto, expectedVersion(ifMatch, dto.version)));
  }

  @CiActionRoute('transition', {
    summary: 'Move a CI through its lifecycle',
    description:
      'Asset managers and admins. ordered→in_stock; in_stock→deployed|in_repair|retired; deployed→in_stock|in_repair|' +
      'retired; in_repair→in_stock|deployed|retired; retired→disposed|in_stock; disposed is final (409 names the allowed ' +
      'states). Going to in_stock, retired or disposed ends an assignment (asset.unassigned). Emits asset.state-changed.',
  })
  transition(
    @Param('id') id: string,
    @Body() dto: TransitionCiDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, () => this.cis.transition(principal, id, dto, expectedVersion(ifMatch, dto.version)));
  }

  @CiActionRoute('assign', {
    summary: 'Assign a CI to a person',
    description:
      'Asset managers and admins; hardware and SaaS accounts. The person must be active: their name and department are ' +
      'copied. A CI in stock is deployed by it (asset.assigned and asset.state-changed); on order, retired or disposed: 409.',
  })
  assign(
    @Param('id') id: string,
    @Body() dto: AssignCiDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, () => this.cis.assign(principal, id, dto, expectedVersion(ifMatch, dto.version)));
  }

  @CiActionRoute('unassign', {
    summary: 'Take a CI back from its assignee',
    description:
      'Asset managers and admins. It goes back to stock (default) or, hardware, to repair: asset.unassigned, and ' +
      'asset.state-changed when the state changes. Not assigned: 409.',
  })
  unassign(
    @Param('id') id: string,
    @Body() dto: UnassignCiDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, () => this.cis.unassign(principal, id, dto, expectedVersion(ifMatch, dto.version)));
  }

  @Get(':id/history')
  @Roles(...ASSET_READER_ROLES)
  @ApiOperation({ summary: 'A CI\u2019s audit trail, newest first: who did what, when, which fields changed' })
  @ApiParam(CI_ID_PARAM)
  @ApiOkResponse({ type: PageOf(CiHistoryEntryDto) })
  @ApiErrorResponses(400, 401, 403, 404)
  history(@Param('id') id: string, @Query() page: PageQueryDto): Promise<Page<CiHistoryEntryDto>> {
    return this.cis.history(id, page.limit ?? 50, page.cursor);
  }

  private async act(res: Response, work: () => Promise<CiDto>): Promise<CiDto> {
    return withEtag(res, await work());
  }
}

function CiActionRoute(action: 'transition' | 'assign' | 'unassign', operation: { summary: string; description: string }) {
  return applyDecorators(
    Post(`:id/${action}`),
    HttpCode(200),
    Roles(...ASSET_MANAGER_ROLES),
    ApiOperation(operation),
    ApiParam(CI_ID_PARAM),
    ApiHeader(IF_MATCH),
    ApiOkResponse({ type: CiDto, headers: ETAG }),
    ApiErrorResponses(400, 401, 403, 404, 409),
  );
}

function withEtag(res: Response, dto: CiDto): CiDto {
  res.setHeader('ETag', etagOf(dto.version));
  return dto;
}

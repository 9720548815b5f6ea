import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { ApiErrorResponses, etagOf, expectedVersion, Page, PageOf, PageQueryDto } from '@helpdesk/service-runtime';
import type { Request, Response } from 'express';
import { CategoriesService } from './categories.service';
import { CategoryDto, CategoryTreeDto } from './dto/category.dto';
import { CreateCategoryDto } from './dto/create-category.dto';
import { HistoryEntryDto } from './dto/history-entry.dto';
import { ListCategoriesQueryDto } from './dto/list-categories.query.dto';
import { UpdateCategoryDto } from './dto/update-category.dto';
import { changeActorOf } from './reference-change';

const ID_OR_CODE = { name: 'id', description: 'The UUID or the code (e.g. network.vpn)' };

@ApiTags('categories')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ApiOperation({
    summary: 'List categories as a tree',
    description:
      'Top-level categories (paged, by sortOrder then code), each with its subcategories. Every signed-in user may read; ' +
      'employees see active ones only, staff may filter with `active`.',
  })
  @ApiOkResponse({ type: PageOf(CategoryTreeDto) })
  @ApiErrorResponses(400)
  list(@Query() query: ListCategoriesQueryDto, @CurrentUser() principal: Principal): Promise<Page<CategoryTreeDto>> {
    return this.categories.list(query, principal);
  }

  @Post()
  @Roles('admin')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a category or subcategory (admin)',
    description: 'A code `parent.child` creates a subcategory of an existing `parent`. The change is recorded in the history.',
  })
  @ApiCreatedResponse({ type: CategoryDto })
  @ApiErrorResponses(400, 403, 409)
  async create(
    @Body() dto: CreateCategoryDto,
    @CurrentUser() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CategoryDto> {
    const category = await this.categories.create(dto, changeActorOf(principal));
    res.location(`${req.baseUrl}${req.path.replace(/\/$/, '')}/${category.id}`);
    res.setHeader('ETag', etagOf(category.version));
    return category;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a category (with its subcategories)' })
  @ApiParam(ID_OR_CODE)
  @ApiOkResponse({ type: CategoryTreeDto, headers: { ETag: { description: 'The version, for If-Match' } } })
  @ApiErrorResponses(404)
  async get(
    @Param('id') id: string,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CategoryTreeDto> {
    const category = await this.categories.get(id, principal);
    res.setHeader('ETag', etagOf(category.version));
    return category;
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change a category (admin)',
    description:
      'Names, active, firstLevelResolvable, sortOrder; the code is stable. A stale version (If-Match or `version`) gets 409.',
  })
  @ApiParam(ID_OR_CODE)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (version) you read' })
  @ApiOkResponse({ type: CategoryDto })
  @ApiErrorResponses(400, 403, 404, 409)
  async update(
    @Param('id') id: string,
    @Body() dto: UpdateCategoryDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CategoryDto> {
    const category = await this.categories.update(id, dto, expectedVersion(ifMatch, dto.version), changeActorOf(principal));
    res.setHeader('ETag', etagOf(category.version));
    return category;
  }

  @Get(':id/history')
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Who changed the category, when, and what (newest first)' })
  @ApiParam(ID_OR_CODE)
  @ApiOkResponse({ type: PageOf(HistoryEntryDto) })
  @ApiErrorResponses(403, 404)
  history(@Param('id') id: string, @Query() query: PageQueryDto): Promise<Page<HistoryEntryDto>> {
    return this.categories.history(id, query);
  }
}

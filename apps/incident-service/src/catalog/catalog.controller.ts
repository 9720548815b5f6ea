import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { etagOf, expectedVersion, Page, PageOf } from '@helpdesk/service-runtime';
import type { Response } from 'express';
import { toCatalogItemDto } from './catalog-item.mapper';
import { CatalogService } from './catalog.service';
import { CatalogItemDto } from './dto/catalog-item.dto';
import { CreateCatalogItemDto } from './dto/create-catalog-item.dto';
import { ListCatalogQueryDto } from './dto/list-catalog.query.dto';
import { UpdateCatalogItemDto } from './dto/update-catalog-item.dto';
import { CatalogItemEntity } from './entities/catalog-item.entity';

@ApiTags('service requests')
@ApiBearerAuth()
@Controller('catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOperation({
    summary: 'List the request catalog',
    description: 'Active items for everyone signed in (admins may add includeInactive=true); filters: category, q.',
  })
  @ApiOkResponse({ type: PageOf(CatalogItemDto) })
  @ApiResponse({ status: 400, description: 'A bad query parameter' })
  list(@Query() query: ListCatalogQueryDto, @CurrentUser() principal: Principal): Promise<Page<CatalogItemDto>> {
    return this.catalog.list(query, principal);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a catalog item with its form schema', description: 'By id or by code (software-install).' })
  @ApiParam({ name: 'id', description: 'UUID or code' })
  @ApiOkResponse({ type: CatalogItemDto, headers: { ETag: { description: 'The version, for If-Match' } } })
  @ApiResponse({ status: 404, description: 'No such active item' })
  async get(
    @Param('id') id: string,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CatalogItemDto> {
    return answer(await this.catalog.get(id, principal), res);
  }

  @Post()
  @Roles('admin')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a catalog item (admin)' })
  @ApiCreatedResponse({ type: CatalogItemDto })
  @ApiResponse({ status: 409, description: 'The code is taken' })
  async create(@Body() dto: CreateCatalogItemDto, @Res({ passthrough: true }) res: Response): Promise<CatalogItemDto> {
    return answer(await this.catalog.create(dto), res);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change a catalog item (admin)',
    description: 'Only the fields sent change; requests already submitted keep what they were submitted with.',
  })
  @ApiParam({ name: 'id', description: 'UUID or code' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (version) you read' })
  @ApiOkResponse({ type: CatalogItemDto })
  @ApiResponse({ status: 409, description: 'Stale version' })
  async update(
    @Param('id') id: string,
    @Body() dto: UpdateCatalogItemDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CatalogItemDto> {
    return answer(await this.catalog.update(id, dto, expectedVersion(ifMatch, dto.version)), res);
  }
}

function answer(item: CatalogItemEntity, res: Response): CatalogItemDto {
  res.setHeader('ETag', etagOf(item.version));
  return toCatalogItemDto(item);
}

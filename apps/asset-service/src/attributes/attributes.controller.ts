import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '@helpdesk/auth';
import { CI_TYPES } from '@helpdesk/contracts';
import { ApiErrorResponses, Page, PageOf } from '@helpdesk/service-runtime';
import { ASSET_MANAGER_ROLES } from '../cis/domain/ci-roles';
import { AttributesService } from './attributes.service';
import { AttributeDefinitionDto, CiTypeDto } from './dto/ci-type.dto';
import { CreateAttributeDefinitionDto } from './dto/create-attribute-definition.dto';

const TYPE_PARAM = { name: 'type', enum: CI_TYPES };

/** /assets/types: registered before CisModule, so "types" is never read as a CI id. */
@ApiTags('assets')
@ApiBearerAuth()
@Controller('assets/types')
export class AttributesController {
  constructor(private readonly attributes: AttributesService) {}

  @Get()
  @ApiOperation({
    summary: 'The 13 CI types with the built-in fields each takes and their custom attributes',
    description: 'Anyone signed in (forms and the "my devices" view show the labels).',
  })
  @ApiOkResponse({ type: PageOf(CiTypeDto) })
  @ApiErrorResponses(401)
  async types(): Promise<Page<CiTypeDto>> {
    return { items: await this.attributes.types(), nextCursor: null };
  }

  @Get(':type/attributes')
  @ApiOperation({ summary: 'The custom attributes defined for a CI type, oldest first', description: 'Anyone signed in.' })
  @ApiParam(TYPE_PARAM)
  @ApiOkResponse({ type: PageOf(AttributeDefinitionDto) })
  @ApiErrorResponses(401, 404)
  async list(@Param('type') type: string): Promise<Page<AttributeDefinitionDto>> {
    return { items: await this.attributes.list(type), nextCursor: null };
  }

  @Post(':type/attributes')
  @HttpCode(201)
  @Roles(...ASSET_MANAGER_ROLES)
  @ApiOperation({
    summary: 'Define a custom attribute for a CI type',
    description:
      'Admins and asset managers. The key is snake_case and unique per type. CIs of the type then take ' +
      '`attributes.<key>` of the data type; `required` is enforced when a CI is created and when the attribute is ' +
      'edited, so existing CIs stay valid.',
  })
  @ApiParam(TYPE_PARAM)
  @ApiCreatedResponse({ type: AttributeDefinitionDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  create(@Param('type') type: string, @Body() dto: CreateAttributeDefinitionDto): Promise<AttributeDefinitionDto> {
    return this.attributes.create(type, dto);
  }
}

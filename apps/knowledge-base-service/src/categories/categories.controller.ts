import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@helpdesk/auth';
import { ApiErrorResponses } from '@helpdesk/service-runtime';
import { REVIEWER_ROLES } from '../articles/domain/article-roles';
import { CategoriesService } from './categories.service';
import { CreateKbCategoryDto } from './dto/create-kb-category.dto';
import { KbCategoryDto, KbCategoryTreeDto } from './dto/kb-category.dto';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('kb/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ApiOperation({
    summary: 'The article category tree (names in Japanese and English)',
    description: 'Every signed-in user. Roots first, each with its children to any depth, by sort order then code.',
  })
  @ApiOkResponse({ type: [KbCategoryTreeDto] })
  @ApiErrorResponses(401)
  tree(): Promise<KbCategoryTreeDto[]> {
    return this.categories.tree();
  }

  @Post()
  @HttpCode(201)
  @Roles(...REVIEWER_ROLES)
  @ApiOperation({
    summary: 'Add a category (knowledge managers and admins)',
    description: 'The code is stable and unique (409 when taken); parent by UUID or code, omitted for a top-level category.',
  })
  @ApiCreatedResponse({ type: KbCategoryDto })
  @ApiErrorResponses(400, 401, 403, 409)
  create(@Body() dto: CreateKbCategoryDto): Promise<KbCategoryDto> {
    return this.categories.create(dto);
  }
}

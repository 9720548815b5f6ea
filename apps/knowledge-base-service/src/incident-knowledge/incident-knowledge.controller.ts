import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { ApiErrorResponses, etagOf } from '@helpdesk/service-runtime';
import type { Response } from 'express';
import { AUTHOR_ROLES } from '../articles/domain/article-roles';
import { ArticleDto } from '../articles/dto/article.dto';
import { DraftFromIncidentDto } from './dto/draft-from-incident.dto';
import { IncidentKnowledgeService } from './incident-knowledge.service';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('kb/articles/from-incident')
export class IncidentKnowledgeController {
  constructor(private readonly knowledge: IncidentKnowledgeService) {}

  @Post(':incidentId')
  @HttpCode(201)
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Start a draft from a resolved incident',
    description:
      'Title from the short description; body: the description (symptoms) and the resolution notes; the incident’s ' +
      'category codes and CI prefilled. The draft is the caller’s, audience it_staff unless chosen.',
  })
  @ApiParam({ name: 'incidentId', description: 'UUID or number (INC0001234)' })
  @ApiCreatedResponse({ type: ArticleDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async create(
    @Param('incidentId') incidentId: string,
    @Body() dto: DraftFromIncidentDto,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ArticleDto> {
    const draft = await this.knowledge.draftFromIncident(principal, incidentId, dto);
    res.setHeader('ETag', etagOf(draft.version));
    return draft;
  }
}

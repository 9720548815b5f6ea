import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { ApiErrorResponses, Page, PageOf, PageQueryDto } from '@helpdesk/service-runtime';
import { AUTHOR_ROLES } from '../articles/domain/article-roles';
import { FeedbackDto, FeedbackResultDto, RecordFeedbackDto } from './dto/feedback.dto';
import { FeedbackService } from './feedback.service';

const ID_PARAM = { name: 'id', description: 'UUID or number (KB0001234)' };

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('kb/articles/:id/feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: '"Was this helpful?" with an optional comment',
    description: 'One answer per reader and article: answering again replaces it. Published articles the caller may read only.',
  })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: FeedbackResultDto })
  @ApiErrorResponses(400, 401, 404, 409)
  record(
    @Param('id') id: string,
    @Body() dto: RecordFeedbackDto,
    @CurrentUser() principal: Principal,
  ): Promise<FeedbackResultDto> {
    return this.feedback.record(principal, id, dto);
  }

  @Get()
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Readers’ answers and comments, newest first (authors and reviewers)',
    description:
      'Authors and reviewers, for improving the article; readers see only their own answer (myFeedback on the article).',
  })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: PageOf(FeedbackDto) })
  @ApiErrorResponses(400, 401, 403, 404)
  list(@Param('id') id: string, @Query() page: PageQueryDto, @CurrentUser() principal: Principal): Promise<Page<FeedbackDto>> {
    return this.feedback.list(principal, id, page.limit ?? 50, page.cursor);
  }
}

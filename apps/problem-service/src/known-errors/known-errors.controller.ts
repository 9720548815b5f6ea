import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@helpdesk/auth';
import { ApiErrorResponses } from '@helpdesk/service-runtime';
import { PROBLEM_READER_ROLES } from '../problems/domain/problem-roles';
import { KnownErrorSearchResultDto, SearchKnownErrorsQueryDto } from './dto/known-error.dto';
import { KnownErrorsService } from './known-errors.service';

@ApiTags('problems')
@ApiBearerAuth()
@Controller('known-errors')
export class KnownErrorsController {
  constructor(private readonly knownErrors: KnownErrorsService) {}

  @Get()
  @Roles(...PROBLEM_READER_ROLES)
  @ApiOperation({
    summary: 'Search the known error database (KEDB)',
    description:
      'IT staff. Japanese or English words; the best matches first (most query terms found in title, symptoms, root ' +
      'cause, workaround and description). Without q: the newest known errors.',
  })
  @ApiOkResponse({ type: KnownErrorSearchResultDto })
  @ApiErrorResponses(400, 401, 403)
  search(@Query() query: SearchKnownErrorsQueryDto): Promise<KnownErrorSearchResultDto> {
    return this.knownErrors.search(query);
  }
}

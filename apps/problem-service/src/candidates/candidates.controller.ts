import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { ApiErrorResponses, Page, PageOf } from '@helpdesk/service-runtime';
import { PROBLEM_MANAGER_ROLES, PROBLEM_READER_ROLES } from '../problems/domain/problem-roles';
import { ProblemDto } from '../problems/dto/problem.dto';
import { CandidatesService } from './candidates.service';
import { AcceptCandidateDto, CandidateDto, DismissCandidateDto, ListCandidatesQueryDto } from './dto/candidate.dto';

class AcceptedCandidateDto {
  @ApiProperty({ type: CandidateDto }) candidate: CandidateDto;
  @ApiProperty({ type: ProblemDto }) problem: ProblemDto;
}

const CANDIDATE_ID = { name: 'id', description: 'Candidate UUID' };

/** Registered before ProblemsController: `/problems/candidates` must not be read as a problem id. */
@ApiTags('problems')
@ApiBearerAuth()
@Controller('problems/candidates')
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  @Get()
  @Roles(...PROBLEM_READER_ROLES)
  @ApiOperation({
    summary: 'Candidate problems found from the incident stream (newest first)',
    description:
      'IT staff. Raised when N incidents (default 5) share a CI, or a category with similar text, within a sliding window ' +
      '(default 24 h). Filter by state (open, accepted, dismissed).',
  })
  @ApiOkResponse({ type: PageOf(CandidateDto) })
  @ApiErrorResponses(400, 401, 403)
  list(@Query() query: ListCandidatesQueryDto): Promise<Page<CandidateDto>> {
    return this.candidates.list(query);
  }

  @Get(':id')
  @Roles(...PROBLEM_READER_ROLES)
  @ApiOperation({ summary: 'One candidate with its incidents' })
  @ApiParam(CANDIDATE_ID)
  @ApiOkResponse({ type: CandidateDto })
  @ApiErrorResponses(401, 403, 404)
  get(@Param('id') id: string): Promise<CandidateDto> {
    return this.candidates.get(id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles(...PROBLEM_MANAGER_ROLES)
  @ApiOperation({
    summary: 'Accept: create the problem and link the incidents',
    description: 'Problem managers and admins. Incidents linked to another problem meanwhile stay where they are.',
  })
  @ApiParam(CANDIDATE_ID)
  @ApiOkResponse({ type: AcceptedCandidateDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  accept(
    @Param('id') id: string,
    @Body() dto: AcceptCandidateDto,
    @CurrentUser() principal: Principal,
  ): Promise<AcceptedCandidateDto> {
    return this.candidates.accept(principal, id, dto);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @Roles(...PROBLEM_MANAGER_ROLES)
  @ApiOperation({
    summary: 'Dismiss: not a problem',
    description: 'Problem managers and admins. The same incidents are not raised again for the same CI or category.',
  })
  @ApiParam(CANDIDATE_ID)
  @ApiOkResponse({ type: CandidateDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  dismiss(@Param('id') id: string, @Body() dto: DismissCandidateDto, @CurrentUser() principal: Principal): Promise<CandidateDto> {
    return this.candidates.dismiss(principal, id, dto);
  }
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '@helpdesk/auth';
import { ApiErrorResponses, PageQueryDto } from '@helpdesk/service-runtime';
import { ASSET_READER_ROLES } from '../cis/domain/ci-roles';
import { CiIncidentsService } from './ci-incidents.service';
import { CiIncidentsPageDto } from './dto/ci-incidents.dto';

@ApiTags('assets')
@ApiBearerAuth()
@Controller('assets')
export class CiIncidentsController {
  constructor(private readonly incidents: CiIncidentsService) {}

  @Get(':id/incidents')
  @Roles(...ASSET_READER_ROLES)
  @ApiOperation({
    summary: "A CI's incident history, newest first, and whether it is problematic",
    description:
      'IT staff. The incidents whose CI is this one (by number, any case, or id), from incident.* events. `problematic`: ' +
      'PROBLEMATIC_CI_INCIDENTS (default 3) or more incidents, not cancelled, opened within PROBLEMATIC_CI_WINDOW ' +
      '(default 30d) before now.',
  })
  @ApiParam({ name: 'id', description: 'UUID or number (CI-00042)' })
  @ApiOkResponse({ type: CiIncidentsPageDto })
  @ApiErrorResponses(400, 401, 403, 404)
  list(@Param('id') id: string, @Query() query: PageQueryDto): Promise<CiIncidentsPageDto> {
    return this.incidents.list(id, query);
  }
}

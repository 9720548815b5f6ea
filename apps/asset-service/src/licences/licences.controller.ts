import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '@helpdesk/auth';
import { ApiErrorResponses, Page, PageOf } from '@helpdesk/service-runtime';
import { ASSET_READER_ROLES } from '../cis/domain/ci-roles';
import { LicenceDetailDto, LicenceDto } from './dto/licence.dto';
import { ListLicencesQueryDto } from './dto/list-licences.query.dto';
import { LicencesService } from './licences.service';

@ApiTags('licences')
@ApiBearerAuth()
@Controller('licences')
export class LicencesController {
  constructor(private readonly licences: LicencesService) {}

  @Get()
  @Roles(...ASSET_READER_ROLES)
  @ApiOperation({
    summary: 'List licences with seats owned, used and free (by name)',
    description:
      'IT staff. A seat is used by every CI whose licenceId is the licence and that is not retired or disposed. ' +
      'Filters: overAllocated (more used than owned), expiringWithinDays (expiry from your today to N days later).',
  })
  @ApiOkResponse({ type: PageOf(LicenceDto) })
  @ApiErrorResponses(400, 401, 403)
  list(@Query() query: ListLicencesQueryDto, @CurrentUser('timeZone') timeZone: string | undefined): Promise<Page<LicenceDto>> {
    return this.licences.list(query, timeZone);
  }

  @Get(':id')
  @Roles(...ASSET_READER_ROLES)
  @ApiOperation({ summary: 'Read a licence with the CIs holding its seats', description: 'IT staff.' })
  @ApiParam({ name: 'id', description: 'UUID or number (CI-00042) of a licence CI' })
  @ApiOkResponse({ type: LicenceDetailDto })
  @ApiErrorResponses(401, 403, 404)
  get(@Param('id') id: string, @CurrentUser('timeZone') timeZone: string | undefined): Promise<LicenceDetailDto> {
    return this.licences.get(id, timeZone);
  }
}

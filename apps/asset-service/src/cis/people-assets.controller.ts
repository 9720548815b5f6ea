import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { isUuid } from '@helpdesk/contracts';
import { ApiErrorResponses, Page, PageOf, PageQueryDto } from '@helpdesk/service-runtime';
import { CisService } from './cis.service';
import { ASSET_READER_ROLES } from './domain/ci-roles';
import { CiDto } from './dto/ci.dto';

/** People's view of the CMDB: my devices, and a person's devices for the service desk. */
@ApiTags('assets')
@ApiBearerAuth()
@Controller()
export class PeopleAssetsController {
  constructor(private readonly cis: CisService) {}

  @Get('me/assets')
  @ApiOperation({
    summary: 'My devices and accounts: the CIs assigned to me',
    description: 'Anyone signed in, employees included.',
  })
  @ApiOkResponse({ type: PageOf(CiDto) })
  @ApiErrorResponses(400, 401)
  mine(@CurrentUser() principal: Principal, @Query() page: PageQueryDto): Promise<Page<CiDto>> {
    return this.cis.list({ assignedToId: principal.id }, page.limit, page.cursor);
  }

  @Get('users/:id/assets')
  @Roles(...ASSET_READER_ROLES)
  @ApiOperation({
    summary: 'The CIs assigned to a person',
    description: 'IT staff (e.g. an agent on the caller\u2019s devices).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PageOf(CiDto) })
  @ApiErrorResponses(400, 401, 403, 404)
  ofUser(@Param('id') id: string, @Query() page: PageQueryDto): Promise<Page<CiDto>> {
    if (!isUuid(id)) throw new NotFoundException(`User ${id} not found`);
    return this.cis.list({ assignedToId: id.toLowerCase() }, page.limit, page.cursor);
  }
}

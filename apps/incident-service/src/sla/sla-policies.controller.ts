import { Body, Controller, Get, Headers, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@helpdesk/auth';
import { ApiErrorResponses, etagOf, expectedVersion } from '@helpdesk/service-runtime';
import type { Response } from 'express';
import { ReplaceSlaPoliciesDto, SlaPolicyListDto } from './dto/sla-policy.dto';
import { SlaAdminService } from './sla-admin.service';

/** IT staff who work or watch queues read the targets; only admins change them. */
export const SLA_READER_ROLES = ['agent', 'specialist', 'supervisor', 'admin'] as const;

@ApiTags('sla')
@ApiBearerAuth()
@Controller('sla-policies')
export class SlaPoliciesController {
  constructor(private readonly admin: SlaAdminService) {}

  @Get()
  @Roles(...SLA_READER_ROLES)
  @ApiOperation({ summary: 'The SLA policy: response and resolution targets of P1–P5 and their calendars' })
  @ApiOkResponse({ type: SlaPolicyListDto, headers: { ETag: { description: 'The version of the set, for If-Match' } } })
  @ApiErrorResponses(401, 403)
  async list(@Res({ passthrough: true }) res: Response): Promise<SlaPolicyListDto> {
    return answer(await this.admin.listPolicies(), res);
  }

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary: 'Replace the five policies (admin)',
    description:
      'The full set, one policy per priority. Applies to incidents opened afterwards and to timers re-targeted by a ' +
      'later priority change; running timers keep their targets. A stale version (If-Match or `version`) gets 409.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (version) you read' })
  @ApiOkResponse({ type: SlaPolicyListDto })
  @ApiErrorResponses(400, 401, 403, 409)
  async replace(
    @Body() dto: ReplaceSlaPoliciesDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SlaPolicyListDto> {
    return answer(await this.admin.replacePolicies(dto, expectedVersion(ifMatch, dto.version)), res);
  }
}

function answer(list: SlaPolicyListDto, res: Response): SlaPolicyListDto {
  res.setHeader('ETag', etagOf(list.version));
  return list;
}

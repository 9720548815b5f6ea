import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@helpdesk/auth';
import { ApiErrorResponses } from '@helpdesk/service-runtime';
import type { Response } from 'express';
import { DeflectionsService } from './deflections.service';
import { DeflectionDto, RecordDeflectionDto } from './dto/deflection.dto';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('kb/deflections')
export class DeflectionsController {
  constructor(private readonly deflections: DeflectionsService) {}

  @Post()
  @ApiOperation({
    summary: '"This solved my problem"',
    description:
      'Records that a published article the caller may read solved their problem (knowledge.deflection-recorded, for the ' +
      'self-service rate). With a sessionId, a second click in the same help session records nothing new (200, recorded false).',
  })
  @ApiCreatedResponse({ type: DeflectionDto, description: 'Recorded' })
  @ApiOkResponse({ type: DeflectionDto, description: 'This session had already recorded its deflection' })
  @ApiErrorResponses(400, 401, 404, 409)
  async record(
    @Body() dto: RecordDeflectionDto,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DeflectionDto> {
    const result = await this.deflections.record(principal, dto);
    res.status(result.recorded ? 201 : 200);
    return result;
  }
}

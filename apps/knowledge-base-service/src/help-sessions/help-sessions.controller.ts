import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@helpdesk/auth';
import { ApiErrorResponses } from '@helpdesk/service-runtime';
import type { Response } from 'express';
import { HelpSessionDto, StartHelpSessionDto } from './dto/help-session.dto';
import { HelpSessionsService } from './help-sessions.service';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('kb/help-sessions')
export class HelpSessionsController {
  constructor(private readonly sessions: HelpSessionsService) {}

  @Post()
  @ApiOperation({
    summary: 'Start a portal help session',
    description:
      'The portal calls this when someone starts describing a problem (knowledge.help-session-started, the self-service ' +
      'rate’s denominator), then passes the id as `session` when opening suggested articles and as `sessionId` with ' +
      'POST /kb/deflections. Starting an id again is harmless (200, started false).',
  })
  @ApiCreatedResponse({ type: HelpSessionDto, description: 'Started' })
  @ApiOkResponse({ type: HelpSessionDto, description: 'Already started' })
  @ApiErrorResponses(400, 401, 409)
  async start(
    @Body() dto: StartHelpSessionDto,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HelpSessionDto> {
    const session = await this.sessions.start(principal, dto);
    res.status(session.started ? 201 : 200);
    return session;
  }
}

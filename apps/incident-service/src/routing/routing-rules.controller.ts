import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import {
  ApiErrorResponses,
  etagOf,
  expectedVersion,
  Page,
  PageOf,
  PageQueryDto,
  parseIfMatchVersion,
} from '@helpdesk/service-runtime';
import type { Request, Response } from 'express';
import { HistoryEntryDto } from '../categories/dto/history-entry.dto';
import { changeActorOf } from '../categories/reference-change';
import { CreateRoutingRuleDto } from './dto/create-routing-rule.dto';
import { ListRoutingRulesQueryDto } from './dto/list-routing-rules.query.dto';
import { RoutingRuleDto } from './dto/routing-rule.dto';
import { RoutingDecisionDto, SimulateRoutingDto } from './dto/simulate-routing.dto';
import { UpdateRoutingRuleDto } from './dto/update-routing-rule.dto';
import { RoutingRulesService } from './routing-rules.service';

const RULE_ID = { name: 'id', format: 'uuid' };

@ApiTags('routing-rules')
@ApiBearerAuth()
@ApiErrorResponses(401, 403)
@Controller('routing-rules')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get()
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'List routing rules in evaluation order',
    description:
      'New incidents go to the group of the first active rule (lowest order) whose every condition holds and whose group is active; ' +
      'otherwise to the service desk.',
  })
  @ApiOkResponse({ type: PageOf(RoutingRuleDto) })
  @ApiErrorResponses(400)
  list(@Query() query: ListRoutingRulesQueryDto): Promise<Page<RoutingRuleDto>> {
    return this.rules.list(query);
  }

  @Post()
  @Roles('admin')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a routing rule (admin)',
    description:
      'At least one condition and exactly one target (assignmentGroupId or assignmentGroupName). Recorded in the history.',
  })
  @ApiCreatedResponse({ type: RoutingRuleDto })
  @ApiErrorResponses(400)
  async create(
    @Body() dto: CreateRoutingRuleDto,
    @CurrentUser() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RoutingRuleDto> {
    const rule = await this.rules.create(dto, changeActorOf(principal));
    res.location(`${req.baseUrl}${req.path.replace(/\/$/, '')}/${rule.id}`);
    res.setHeader('ETag', etagOf(rule.version));
    return rule;
  }

  @Post('simulate')
  @Roles('agent', 'supervisor', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Which group would a new incident go to now?',
    description: 'Evaluates the rules without creating anything.',
  })
  @ApiOkResponse({ type: RoutingDecisionDto })
  @ApiErrorResponses(400)
  simulate(@Body() dto: SimulateRoutingDto): Promise<RoutingDecisionDto> {
    return this.rules.simulate(dto);
  }

  @Get(':id')
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Get a routing rule' })
  @ApiParam(RULE_ID)
  @ApiOkResponse({ type: RoutingRuleDto, headers: { ETag: { description: 'The version, for If-Match' } } })
  @ApiErrorResponses(404)
  async get(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<RoutingRuleDto> {
    const rule = await this.rules.get(id);
    res.setHeader('ETag', etagOf(rule.version));
    return rule;
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change a routing rule (admin)',
    description:
      'Only the fields sent change; `active: false` retires the rule. A stale version (If-Match or `version`) gets 409.',
  })
  @ApiParam(RULE_ID)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (version) you read' })
  @ApiOkResponse({ type: RoutingRuleDto })
  @ApiErrorResponses(400, 404, 409)
  async update(
    @Param('id') id: string,
    @Body() dto: UpdateRoutingRuleDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RoutingRuleDto> {
    const rule = await this.rules.update(id, dto, expectedVersion(ifMatch, dto.version), changeActorOf(principal));
    res.setHeader('ETag', etagOf(rule.version));
    return rule;
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a routing rule (admin)',
    description: 'For good; its history stays readable. To keep it but stop using it, PATCH `active: false`.',
  })
  @ApiParam(RULE_ID)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (version) you read' })
  @ApiNoContentResponse()
  @ApiErrorResponses(404, 409)
  async remove(
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
  ): Promise<void> {
    await this.rules.remove(id, parseIfMatchVersion(ifMatch), changeActorOf(principal));
  }

  @Get(':id/history')
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Who changed the rule, when, and what (newest first; kept after deletion)' })
  @ApiParam(RULE_ID)
  @ApiOkResponse({ type: PageOf(HistoryEntryDto) })
  @ApiErrorResponses(404)
  history(@Param('id') id: string, @Query() query: PageQueryDto): Promise<Page<HistoryEntryDto>> {
    return this.rules.history(id, query);
  }
}

import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { etagOf, expectedVersion, Page, PageOf } from '@helpdesk/service-runtime';
import type { Request, Response } from 'express';
import { actorFromPrincipal } from '../audit/actor';
import { ApiErrorResponses } from '@helpdesk/service-runtime';
import { CreateGroupDto } from './dto/create-group.dto';
import { GroupDto } from './dto/group.dto';
import { ListGroupsQueryDto } from './dto/list-groups.query.dto';
import { ReplaceMembersDto } from './dto/replace-members.dto';
import { UpdateGroupDto } from './dto/update-group.dto';
import { toGroupDto } from './group.mapper';
import { GroupsService, GroupWithMembers } from './groups.service';

@ApiTags('groups')
@ApiBearerAuth()
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @ApiOperation({
    summary: 'List assignment groups',
    description: 'Filters: tier, active, memberId, q (English or Japanese name). Sorted by name.',
  })
  @ApiOkResponse({ type: PageOf(GroupDto) })
  @ApiErrorResponses(400, 401)
  list(@Query() query: ListGroupsQueryDto): Promise<Page<GroupDto>> {
    return this.groups.list(query);
  }

  @Post()
  @Roles('admin')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a group (admin)', description: 'Publishes identity.group.created and writes an audit row.' })
  @ApiCreatedResponse({ type: GroupDto })
  @ApiErrorResponses(400, 401, 403, 409)
  async create(
    @Body() dto: CreateGroupDto,
    @CurrentUser() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GroupDto> {
    const result = await this.groups.create(dto, actorFromPrincipal(principal));
    res.location(`${req.baseUrl}${req.path.replace(/\/$/, '')}/${result.group.id}`);
    return this.answer(result, res);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a group with its member ids' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: GroupDto, headers: { ETag: { description: 'The version, for If-Match' } } })
  @ApiErrorResponses(401, 404)
  async get(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<GroupDto> {
    return this.answer(await this.groups.get(id), res);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change a group (admin)',
    description: 'Only the fields sent change; a stale version (If-Match or `version`) gets 409.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (version) you read' })
  @ApiOkResponse({ type: GroupDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async update(
    @Param('id') id: string,
    @Body() dto: UpdateGroupDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GroupDto> {
    return this.answer(
      await this.groups.update(id, dto, expectedVersion(ifMatch, dto.version), actorFromPrincipal(principal)),
      res,
    );
  }

  @Put(':id/members')
  @Roles('admin')
  @ApiOperation({
    summary: 'Replace the member list (admin)',
    description: 'Publishes identity.group.members-changed; the audit row lists who was added and removed.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (version) you read' })
  @ApiOkResponse({ type: GroupDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async replaceMembers(
    @Param('id') id: string,
    @Body() dto: ReplaceMembersDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GroupDto> {
    return this.answer(
      await this.groups.replaceMembers(id, dto.memberIds, expectedVersion(ifMatch, dto.version), actorFromPrincipal(principal)),
      res,
    );
  }

  private answer({ group, memberIds }: GroupWithMembers, res: Response): GroupDto {
    res.setHeader('ETag', etagOf(group.version));
    return toGroupDto(group, memberIds);
  }
}

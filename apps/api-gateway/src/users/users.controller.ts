import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { STAFF_ROLES } from '@helpdesk/contracts';
import { etagOf, expectedVersion, Page, PageOf } from '@helpdesk/service-runtime';
import type { Request, Response } from 'express';
import { actorFromPrincipal } from '../audit/actor';
import { ApiErrorResponses } from '@helpdesk/service-runtime';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQueryDto } from './dto/list-users.query.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserDto } from './dto/user.dto';
import { toUserDto } from './user.mapper';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'List users (IT staff)',
    description:
      'Filters: role, department, active, groupId, q (part of a Japanese or English name, or e-mail). Sorted by display name.',
  })
  @ApiOkResponse({ type: PageOf(UserDto) })
  @ApiErrorResponses(400, 401, 403)
  list(@Query() query: ListUsersQueryDto): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Post()
  @Roles('admin')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a user (admin)', description: 'Publishes identity.user.created and writes an audit row.' })
  @ApiCreatedResponse({
    type: UserDto,
    headers: { ETag: { description: 'The version, for If-Match' }, Location: { description: 'The new user' } },
  })
  @ApiErrorResponses(400, 401, 403, 409)
  async create(
    @Body() dto: CreateUserDto,
    @CurrentUser() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserDto> {
    const user = await this.users.create(dto, actorFromPrincipal(principal));
    res.location(`${req.baseUrl}${req.path.replace(/\/$/, '')}/${user.id}`);
    res.setHeader('ETag', etagOf(user.version));
    return toUserDto(user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a user', description: 'IT staff see anyone; an employee only themself (404 for others).' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserDto, headers: { ETag: { description: 'The version, for If-Match' } } })
  @ApiErrorResponses(401, 404)
  async get(
    @Param('id') id: string,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserDto> {
    const user = await this.users.get(id, principal);
    res.setHeader('ETag', etagOf(user.version));
    return toUserDto(user);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change a user (admin)',
    description:
      'Only the fields sent change. Send the version you read as If-Match (or `version`): a stale one gets 409. `active: false` deactivates and signs the user out everywhere.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (version) you read, e.g. "3"' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async update(
    @Param('id') id: string,
    @Body() dto: UpdateUserDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserDto> {
    const user = await this.users.update(id, dto, expectedVersion(ifMatch, dto.version), actorFromPrincipal(principal));
    res.setHeader('ETag', etagOf(user.version));
    return toUserDto(user);
  }
}

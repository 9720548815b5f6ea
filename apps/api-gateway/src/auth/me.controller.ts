import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@helpdesk/auth';
import { ApiErrorResponses } from '@helpdesk/service-runtime';
import { GroupsService } from '../groups/groups.service';
import { MeDto } from '../users/dto/user.dto';
import { IdentityException } from '../users/identity.exception';
import { toUserDto } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersRepository,
    private readonly groups: GroupsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The signed-in user',
    description: 'Profile, roles, locale and time zone, and the groups the user belongs to.',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiErrorResponses(401, 404)
  async me(@CurrentUser() principal: Principal): Promise<MeDto> {
    const user = await this.users.findById(principal.id);
    if (!user) throw IdentityException.userNotFound();
    const groups = await this.groups.activeGroupsOfUser(user.id);
    return { ...toUserDto(user), groups: groups.map((g) => ({ id: g.id, name: g.name, nameJa: g.nameJa, tier: g.tier })) };
  }
}

import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '../../users/dto/user.dto';

export class TokenPairDto {
  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'ES256 JWT for `Authorization: Bearer …` (claims: sub, email, name, roles, groups, locale, tz)' })
  accessToken: string;

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn: number;

  @ApiProperty({ description: 'Opaque; exchange at /auth/refresh (each use returns a new one: keep only the latest)' })
  refreshToken: string;

  @ApiProperty({ format: 'date-time' })
  refreshExpiresAt: string;

  @ApiProperty({ type: UserDto })
  user: UserDto;
}

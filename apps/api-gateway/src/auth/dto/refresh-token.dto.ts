import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** Body of /auth/refresh and /auth/logout. */
export class RefreshTokenDto {
  @ApiProperty({ description: 'The opaque refresh token from sign-in or the last refresh' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'refreshToken must be a refresh token from this API' })
  refreshToken: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES } from '@helpdesk/contracts';
import { IsOptionalButNotNull } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './create-user.dto';
import { IsIanaTimeZone, IsNameText, Trim } from './user-field.validators';

/** Only the fields sent change; null clears a nullable field and is a 400 on the others. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: 1, description: 'The version you read (or send If-Match); a stale one gets 409' })
  @IsOptionalButNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @Trim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional()
  @Trim()
  @IsNameText()
  displayName?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Trim()
  @IsNameText({ nullable: true })
  displayNameJa?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Trim()
  @IsNameText({ nullable: true })
  displayNameEn?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Trim()
  @IsNameText({ nullable: true })
  department?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @ValidateIf((o: UpdateUserDto) => o.managerId !== undefined && o.managerId !== null)
  @IsUUID('all')
  managerId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf((o: UpdateUserDto) => o.phone !== undefined && o.phone !== null)
  @Trim()
  @Matches(/^\+?[0-9()\- ]{3,40}$/, { message: 'phone must be digits, spaces, +, - and parentheses' })
  phone?: string | null;

  @ApiPropertyOptional({ enum: ['ja', 'en'] })
  @IsOptionalButNotNull()
  @IsIn(['ja', 'en'])
  locale?: 'ja' | 'en';

  @ApiPropertyOptional({ example: 'Asia/Tokyo' })
  @IsOptionalButNotNull()
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptionalButNotNull()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'Deactivating signs the user out everywhere (refresh tokens revoked)' })
  @IsOptionalButNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Sets a new password and signs the user out everywhere', format: 'password' })
  @IsOptionalButNotNull()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}

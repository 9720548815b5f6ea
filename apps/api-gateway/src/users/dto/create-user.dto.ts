import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES } from '@helpdesk/contracts';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsIanaTimeZone, IsNameText, Trim } from './user-field.validators';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export class CreateUserDto {
  @ApiProperty({ example: 'hanako.sato@example.com', description: 'Unique regardless of case' })
  @Trim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @ApiPropertyOptional({
    example: '佐藤 花子',
    description: 'Shown by default; derived from the name in the user’s locale when omitted',
  })
  @Trim()
  @IsNameText()
  displayName?: string;

  @ApiPropertyOptional({ example: '佐藤 花子', description: 'Name in Japanese; give this and/or displayNameEn' })
  @Trim()
  @IsNameText({ orField: 'displayNameEn' })
  displayNameJa?: string;

  @ApiPropertyOptional({ example: 'Hanako Sato', description: 'Name in English; give this and/or displayNameJa' })
  @Trim()
  @IsNameText()
  displayNameEn?: string;

  @ApiPropertyOptional({ example: '人事部' })
  @Trim()
  @IsNameText()
  department?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The user’s manager (approves their service requests)' })
  @IsOptional()
  @IsUUID('all')
  managerId?: string;

  @ApiPropertyOptional({ example: '+81-3-1234-5678' })
  @IsOptional()
  @Trim()
  @Matches(/^\+?[0-9()\- ]{3,40}$/, { message: 'phone must be digits, spaces, +, - and parentheses' })
  phone?: string;

  @ApiPropertyOptional({ enum: ['ja', 'en'], default: 'ja' })
  @IsOptional()
  @IsIn(['ja', 'en'])
  locale?: 'ja' | 'en';

  @ApiPropertyOptional({ example: 'Asia/Tokyo', default: 'Asia/Tokyo' })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, default: ['employee'] })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles?: Role[];

  @ApiPropertyOptional({
    description: `Sets a local password (${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters); without one the user cannot sign in with a password`,
    format: 'password',
  })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  Matches,
  registerDecorator,
  ValidationOptions,
} from 'class-validator';
import { CATEGORY_CODE_MESSAGE, CATEGORY_CODE_PATTERN } from '../../categories/dto/create-category.dto';
import { IsLabelText, TrimText } from '../../categories/dto/label-text.validator';
import { CHANNELS } from '../../incidents/domain/incident-state';
import { compileKeyword } from '../domain/keyword-matcher';

export const MAX_KEYWORDS = 100;
export const MAX_LIST = 50;

/** Lower-cases category codes, so `Network.VPN` is the same condition as `network.vpn`. */
const LowerCaseEach = () =>
  Transform(({ value }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value,
  );

/** Keywords that normalise to nothing (only spaces or punctuation) would match everything. */
function IsMatchableKeywordEach(validationOptions?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isMatchableKeywordEach',
      target: object.constructor,
      propertyName,
      options: validationOptions,
      validator: {
        validate: (value) => !Array.isArray(value) || value.every((k) => typeof k !== 'string' || compileKeyword(k) !== null),
        defaultMessage: () => `each of ${propertyName} must contain a letter or digit, not only spaces or punctuation`,
      },
    });
}

/**
 * The conditions of a rule, each an any-of list; a rule matches when every given list has a hit.
 * Null or [] means no condition of that kind.
 */
export class RoutingConditionsInputDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['network'],
    description: 'Category codes; a category also matches its subcategories (network matches network.vpn)',
  })
  @IsOptional()
  @LowerCaseEach()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ArrayUnique()
  @Matches(CATEGORY_CODE_PATTERN, { each: true, message: `each of categories: ${CATEGORY_CODE_MESSAGE}` })
  categories?: string[] | null;

  @ApiPropertyOptional({ type: [String], enum: CHANNELS, example: ['phone', 'chat'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true, message: `each of channels must be one of ${CHANNELS.join(', ')}` })
  channels?: string[] | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['営業部'],
    description: "The caller's department, compared after normalisation",
  })
  @IsOptional()
  @TrimText()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ArrayUnique()
  @IsLabelText({ maxLength: 100, each: true })
  callerDepartments?: string[] | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['VPN', 'リモート接続'],
    description:
      'Any-of, in short description + description. Compared after NFKC, case folding and turning punctuation into spaces; ' +
      'Latin words match on word boundaries (mfa does not match comfa; login does not match log-in), Japanese as substrings.',
  })
  @IsOptional()
  @TrimText()
  @IsArray()
  @ArrayMaxSize(MAX_KEYWORDS)
  @ArrayUnique()
  @IsLabelText({ maxLength: 100, each: true })
  @IsMatchableKeywordEach()
  keywords?: string[] | null;
}

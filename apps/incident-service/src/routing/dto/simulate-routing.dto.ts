import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CATEGORY_CODE_MESSAGE, CATEGORY_CODE_PATTERN } from '../../categories/dto/create-category.dto';
import { IsLabelText, TrimText } from '../../categories/dto/label-text.validator';
import { Channel, CHANNELS } from '../../incidents/domain/incident-state';

/** An incident as routing sees it, to try the rules without creating one. */
export class SimulateRoutingDto {
  @ApiPropertyOptional({ example: 'network' })
  @IsOptional()
  @Matches(CATEGORY_CODE_PATTERN, { message: `category: ${CATEGORY_CODE_MESSAGE}` })
  category?: string;

  @ApiPropertyOptional({ example: 'vpn', description: 'The own part (vpn) or the full code (network.vpn)' })
  @IsOptional()
  @Matches(CATEGORY_CODE_PATTERN, { message: `subcategory: ${CATEGORY_CODE_MESSAGE}` })
  subcategory?: string;

  @ApiProperty({ example: 'VPNに繋がらない' })
  @TrimText()
  @IsLabelText({ maxLength: 200 })
  shortDescription: string;

  @ApiPropertyOptional({ example: '自宅から社内VPNに接続できません。' })
  @IsOptional()
  @IsLabelText({ maxLength: 20_000, multiline: true })
  description?: string;

  @ApiPropertyOptional({ enum: CHANNELS, default: 'portal' })
  @IsOptional()
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel?: Channel;

  @ApiPropertyOptional({ example: '営業部' })
  @IsOptional()
  @TrimText()
  @IsLabelText({ maxLength: 100 })
  callerDepartment?: string;
}

/** Where routing sends an incident, and which rule decided (null: the service desk fallback). */
export class RoutingDecisionDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  groupId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Network' })
  groupName: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  ruleId: string | null;

  @ApiProperty({ nullable: true, type: String })
  ruleName: string | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CI_STATES, CI_TYPES, CiState, CiType } from '@helpdesk/contracts';

export class LicenceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CI-00042' }) number: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CI_STATES }) state: CiState;
  @ApiPropertyOptional({ type: String, nullable: true }) manufacturer: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) model: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Seats bought (none recorded counts as 0)' }) seatsOwned:
    number | null;
  @ApiProperty({ description: 'CIs using the licence (licenceId) that are not retired or disposed' }) seatsUsed: number;
  @ApiProperty({ description: 'Owned minus used, never below 0' }) seatsFree: number;
  @ApiProperty({ description: 'More seats used than owned' }) overAllocated: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-03-31' }) licenceExpiresOn: string | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: "Days from the caller's today (their time zone) to the expiry; negative once expired",
  })
  expiresInDays: number | null;
}

export class LicenceSeatDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CI-00107' }) number: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CI_TYPES }) type: CiType;
  @ApiProperty({ enum: CI_STATES }) state: CiState;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) assignedToId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) assignedToName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) department: string | null;
}

export class LicenceDetailDto extends LicenceDto {
  @ApiProperty({ type: [LicenceSeatDto], description: 'The CIs holding its seats (by name)' }) seats: LicenceSeatDto[];
}

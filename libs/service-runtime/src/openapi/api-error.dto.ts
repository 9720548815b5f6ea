import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ApiErrorDetailDto {
  @ApiProperty({ example: 'email', description: 'The bad field (dotted for nested ones)' })
  field: string;

  @ApiProperty({ example: 'email must be an email' })
  reason: string;
}

/** The body of every error (api.md). */
export class ApiErrorDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({ example: 'Invalid request: email' })
  message: string;

  @ApiProperty({ type: [ApiErrorDetailDto], description: 'One entry per bad field' })
  details: ApiErrorDetailDto[];

  @ApiPropertyOptional({ example: 'STALE_VERSION', description: 'Stable machine-readable code of a domain error' })
  code?: string;

  @ApiPropertyOptional({ example: '0b6c4c3e-2f1a-4c59-9d2e-8f0f7d0b8a11' })
  correlationId?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'amount' }) field: string;
  @ApiProperty({ example: 'amount must be an integer number of minor units >= 1' }) message: string;
}

/** MSP's error envelope; `fields` is our addition for validation errors. */
export class ErrorEnvelopeDto {
  @ApiProperty({ example: false }) success: boolean;
  @ApiProperty({ type: 'object', example: {}, properties: {} }) data: Record<string, never>;
  @ApiProperty({ example: 1001, description: "MSP's error code (API-NOTES §1.10)" }) error_code: number;
  @ApiProperty({ example: 'Invalid amount: must be an integer number of minor units >= 1' }) error_info: string;
  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'The offending fields, on validation errors' })
  fields?: FieldProblemDto[];
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, Min } from 'class-validator';
import { ORDER_STATUSES } from '../order-status.js';

export class ListOrdersQuery {
  @ApiPropertyOptional({ enum: [...ORDER_STATUSES, 'chargeback'], description: 'Only orders in this status' })
  @IsOptional() @IsIn([...ORDER_STATUSES, 'chargeback'])
  status?: string;

  @ApiPropertyOptional({ description: 'Created at or after (ISO-8601)', example: '2026-11-01T00:00:00Z' })
  @IsOptional() @IsISO8601()
  created_from?: string;

  @ApiPropertyOptional({ description: 'Created before (ISO-8601)', example: '2026-12-01T00:00:00Z' })
  @IsOptional() @IsISO8601()
  created_until?: string;

  @ApiPropertyOptional({ description: 'Page size', minimum: 1, maximum: 100, default: 25 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from `pager.cursor.after` of the previous page' })
  @IsOptional() @IsString()
  after?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ description: 'Only deliveries about this order', example: 'my-order-id-1' })
  @IsOptional() @IsString()
  order_id?: string;

  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'failed', 'dead'] })
  @IsOptional() @IsIn(['pending', 'delivered', 'failed', 'dead'])
  status?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Cursor from `pager.cursor.after` of the previous page' })
  @IsOptional() @IsString()
  after?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';

const blank = ({ value }: { value: unknown }) => (value === '' || value === null ? undefined : value);

/** MSP's refund body (API-NOTES §1.6): amount omitted = the rest of the order. */
export class RefundRequestDto {
  @ApiProperty({ example: 'EUR', description: "Must be the order's currency" })
  @IsString({ message: 'currency is required' }) @Length(3, 3, { message: 'currency must be an ISO-4217 code' })
  currency: string;

  @ApiPropertyOptional({ example: 300, description: 'Minor units; omitted = everything not yet refunded' })
  @Transform(blank) @IsOptional() @IsInt({ message: 'amount must be an integer number of minor units' }) @Min(1, { message: 'amount must be at least 1' })
  amount?: number;

  @ApiPropertyOptional({ example: 'Refund for a returned item', maxLength: 200 })
  @Transform(blank) @IsOptional() @IsString() @MaxLength(200)
  description?: string;

  @ApiPropertyOptional({ maxLength: 50 }) @Transform(blank) @IsOptional() @IsString() @MaxLength(50)
  refund_order_id?: string;
}

/** MSP's PATCH /orders/{id}: cancel an unpaid order, or mark it shipped (API-NOTES §1.5). */
export class UpdateOrderDto {
  @ApiProperty({ enum: ['cancelled', 'shipped'], example: 'cancelled' })
  @IsIn(['cancelled', 'shipped'], { message: 'status must be cancelled or shipped' })
  status: 'cancelled' | 'shipped';

  @ApiPropertyOptional({ example: true }) @Transform(blank) @IsOptional() exclude_order?: boolean | number;
  @ApiPropertyOptional({ example: '3SMSP0123456789' }) @Transform(blank) @IsOptional() @IsString() @MaxLength(100) tracktrace_code?: string;
  @ApiPropertyOptional() @Transform(blank) @IsOptional() @IsString() @MaxLength(500) tracktrace_url?: string;
  @ApiPropertyOptional({ example: 'PostNL' }) @Transform(blank) @IsOptional() @IsString() @MaxLength(100) carrier?: string;
  @ApiPropertyOptional({ example: '2026-11-25' }) @Transform(blank) @IsOptional() @IsString() @MaxLength(30) ship_date?: string;
  @ApiPropertyOptional() @Transform(blank) @IsOptional() @IsString() @MaxLength(200) reason?: string;
  @ApiPropertyOptional() @Transform(blank) @IsOptional() @IsString() @MaxLength(100) invoice_id?: string;
  @ApiPropertyOptional() @Transform(blank) @IsOptional() @IsString() @MaxLength(500) invoice_url?: string;
  @ApiPropertyOptional() @Transform(blank) @IsOptional() @IsString() @MaxLength(100) po_number?: string;
}

/** MSP's manual capture body (API-NOTES §1.7). */
export class CaptureRequestDto {
  @ApiPropertyOptional({ example: 1000, description: 'Minor units; omitted = the whole authorisation' })
  @Transform(blank) @IsOptional() @IsInt({ message: 'amount must be an integer number of minor units' }) @Min(1) amount?: number;
  @ApiPropertyOptional() @Transform(blank) @IsOptional() @IsString() @MaxLength(50) new_order_id?: string;
  @ApiPropertyOptional({ example: 'completed' }) @Transform(blank) @IsOptional() @IsIn(['completed']) new_order_status?: string;
  @ApiPropertyOptional() @Transform(blank) @IsOptional() @IsString() @MaxLength(100) invoice_id?: string;
  @ApiPropertyOptional() @Transform(blank) @IsOptional() @IsString() @MaxLength(100) tracktrace_code?: string;
  @ApiPropertyOptional() @Transform(blank) @IsOptional() @IsString() @MaxLength(100) carrier?: string;
  @ApiPropertyOptional() @Transform(blank) @IsOptional() @IsString() @MaxLength(200) reason?: string;
  @ApiPropertyOptional() @Transform(blank) @IsOptional() @IsString() @MaxLength(200) description?: string;
}

/** MSP's PATCH /capture/{id}: cancel a reservation. */
export class CancelReservationDto {
  @ApiProperty({ enum: ['cancelled'] }) @IsIn(['cancelled'], { message: 'status must be cancelled' }) status: 'cancelled';
  @ApiProperty({ example: 'Customer cancelled' }) @IsString({ message: 'reason is required' }) @MaxLength(200) reason: string;
  @ApiPropertyOptional() @Transform(blank) @IsOptional() @IsString() @MaxLength(200) description?: string;
}

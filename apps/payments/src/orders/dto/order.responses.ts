import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORDER_STATUSES } from '../order-status.js';

export class CreatedOrderDataDto {
  @ApiProperty({ example: 'my-order-id-1' }) order_id: string;
  @ApiPropertyOptional({ example: 'http://127.0.0.1:4010/connect/82f2Xb0eUv6w8a9c/?lang=nl_NL', description: 'Send the customer here' })
  payment_url?: string;
  @ApiPropertyOptional({ example: '82f2Xb0eUv6w8a9c' }) session_id?: string;
}

export class CreateOrderResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: CreatedOrderDataDto, description: 'For `direct` orders: the full order (as GET) plus payment_url' })
  data: CreatedOrderDataDto;
}

export class OrderViewDto {
  @ApiProperty({ example: '1764012345678901', nullable: true, description: "MSP's PSP id, always a string (16+ digits)" })
  transaction_id: string | null;
  @ApiProperty({ example: 'my-order-id-1' }) order_id: string;
  @ApiProperty({ example: 'redirect', enum: ['redirect', 'direct', 'paymentlink', 'checkout'] }) type: string;
  @ApiProperty({ example: 'CREDITCARD', nullable: true }) gateway: string | null;
  @ApiProperty({ example: '2026-11-24T21:30:00' }) created: string;
  @ApiProperty({ example: '2026-11-24T21:31:12' }) modified: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: 1000, description: 'Minor units' }) amount: number;
  @ApiProperty({ example: 0, description: 'Minor units' }) amount_refunded: number;
  @ApiProperty({ example: 'Test Order Description' }) description: string;
  @ApiProperty({ enum: ORDER_STATUSES, example: 'initialized' }) status: string;
  @ApiProperty({ example: 'initialized', nullable: true }) financial_status: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Customer snapshot (never card data)' })
  customer: Record<string, unknown> | null;
  @ApiPropertyOptional({ nullable: true }) payment_url: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: "From MSP's last snapshot: type, last4, card_expiry_date, …" })
  payment_details?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, nullable: true }) related_transactions: unknown[] | null;
  @ApiProperty({ type: [String], example: [], description: 'e.g. `late_completed`: money taken after the order had failed' })
  flags: string[];
}

export class OrderResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: OrderViewDto }) data: OrderViewDto;
}

export class PagerCursorDto {
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `after` for the next page; null on the last page' })
  after: string | null;
}

export class PagerDto {
  @ApiProperty({ example: 25 }) limit: number;
  @ApiProperty({ type: PagerCursorDto }) cursor: PagerCursorDto;
}

export class OrderListResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: [OrderViewDto] }) data: OrderViewDto[];
  @ApiProperty({ type: PagerDto }) pager: PagerDto;
}

export class OrderEventDto {
  @ApiProperty({ example: '12' }) id: string;
  @ApiProperty({ nullable: true, example: null }) from_status: string | null;
  @ApiProperty({ example: 'initialized' }) to_status: string;
  @ApiProperty({ nullable: true, example: null }) from_financial_status: string | null;
  @ApiProperty({ nullable: true, example: 'initialized' }) to_financial_status: string | null;
  @ApiProperty({ enum: ['api', 'notification', 'reconciliation', 'refresh'] }) source: string;
  @ApiProperty({ nullable: true, example: null, description: "MSP's `modified` of the snapshot that caused it" }) msp_modified: string | null;
  @ApiProperty({ nullable: true, example: null, description: 'e.g. late_completed' }) reason: string | null;
  @ApiProperty({ nullable: true, type: String, example: '42', description: 'The MSP notification (inbox entry) that caused it' })
  inbound_notification_id: string | null;
  @ApiProperty({ example: '2026-11-24T21:30:00.123Z' }) created_at: string;
}

export class OrderHistoryResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: [OrderEventDto] }) data: OrderEventDto[];
}

import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedClient } from '../../clients/api-clients.service.js';
import { CurrentClient } from '../../common/auth/current-client.decorator.js';
import { ok } from '../../common/http/envelope.js';
import { Idempotent } from '../../common/idempotency/idempotent.decorator.js';
import { ApiErrors } from '../../common/openapi/api-errors.decorator.js';
import { CancelReservationDto, CaptureRequestDto, RefundRequestDto, UpdateOrderDto } from './action-bodies.dto.js';
import { mspBodyPipe } from './msp-body.pipe.js';
import { OrderActionsService } from './order-actions.service.js';

class RefundDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, description: "MSP's refund id" }) refund_id: string | null;
  @ApiProperty({ example: 300 }) amount: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: ['requested', 'initialized', 'reserved', 'completed', 'declined', 'void', 'failed'] }) status: string;
  @ApiProperty() created: string;
}
class RefundCreatedDto extends RefundDto {
  @ApiPropertyOptional({ description: "The order's PSP id" }) transaction_id?: string;
  @ApiProperty() order_id: string;
}
class RefundResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: RefundCreatedDto }) data: RefundCreatedDto;
}
class RefundListResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: [RefundDto] }) data: RefundDto[];
}
class MspAnswerDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, example: {} }) data: Record<string, unknown>;
}

const IDEMPOTENCY_HEADER = ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key and body replay the first answer' });

@ApiTags('orders')
@ApiSecurity('api_key')
@ApiSecurity('bearer')
@Controller('v1/json')
export class OrderActionsController {
  constructor(private readonly actions: OrderActionsService) {}

  @Post('orders/:order_id/refunds')
  @HttpCode(200)
  @Idempotent('refunds.create')
  @IDEMPOTENCY_HEADER
  @ApiOperation({ summary: 'Refund an order, fully (no amount) or partly', description: "Currency must be the order's; refunds never exceed what was paid (1034)." })
  @ApiParam({ name: 'order_id', example: 'my-order-id-1' })
  @ApiBody({ type: RefundRequestDto, examples: { partial: { value: { currency: 'EUR', amount: 300, description: 'Returned item' } } } })
  @ApiOkResponse({ type: RefundResponseDto })
  @ApiErrors(400, 401, 404, 409, 422, 502, 504)
  async refund(@CurrentClient() client: AuthenticatedClient, @Param('order_id') orderId: string, @Body(mspBodyPipe(RefundRequestDto)) body: RefundRequestDto) {
    return ok(await this.actions.refund(client, orderId, body));
  }

  @Get('orders/:order_id/refunds')
  @ApiOperation({ summary: "The order's refunds, with statuses from MSP" })
  @ApiParam({ name: 'order_id', example: 'my-order-id-1' })
  @ApiOkResponse({ type: RefundListResponseDto })
  @ApiErrors(401, 404)
  async refunds(@CurrentClient() client: AuthenticatedClient, @Param('order_id') orderId: string) {
    return ok(await this.actions.refunds(client, orderId));
  }

  @Patch('orders/:order_id')
  @ApiOperation({ summary: 'Cancel an unpaid order, or mark it shipped (MSP dialect)' })
  @ApiParam({ name: 'order_id', example: 'my-order-id-1' })
  @ApiBody({ type: UpdateOrderDto, examples: { cancel: { value: { status: 'cancelled', exclude_order: true } }, ship: { value: { status: 'shipped', tracktrace_code: '3SMSP0123456789', carrier: 'PostNL' } } } })
  @ApiOkResponse({ type: MspAnswerDto })
  @ApiErrors(400, 401, 404, 422, 502, 504)
  async update(@CurrentClient() client: AuthenticatedClient, @Param('order_id') orderId: string, @Body(mspBodyPipe(UpdateOrderDto)) body: UpdateOrderDto) {
    return ok(await this.actions.update(client, orderId, body));
  }

  @Post('orders/:order_id/capture')
  @HttpCode(200)
  @Idempotent('orders.capture')
  @IDEMPOTENCY_HEADER
  @ApiOperation({ summary: 'Capture a manual-capture card authorisation' })
  @ApiParam({ name: 'order_id', example: 'my-order-id-1' })
  @ApiBody({ type: CaptureRequestDto })
  @ApiOkResponse({ type: MspAnswerDto })
  @ApiErrors(400, 401, 404, 409, 422, 502, 504)
  async capture(@CurrentClient() client: AuthenticatedClient, @Param('order_id') orderId: string, @Body(mspBodyPipe(CaptureRequestDto)) body: CaptureRequestDto) {
    return ok(await this.actions.capture(client, orderId, body));
  }

  @Patch('capture/:order_id')
  @ApiOperation({ summary: 'Cancel a manual-capture reservation' })
  @ApiParam({ name: 'order_id', example: 'my-order-id-1' })
  @ApiBody({ type: CancelReservationDto })
  @ApiOkResponse({ type: MspAnswerDto })
  @ApiErrors(400, 401, 404, 422, 502, 504)
  async cancelReservation(@CurrentClient() client: AuthenticatedClient, @Param('order_id') orderId: string, @Body(mspBodyPipe(CancelReservationDto)) body: CancelReservationDto) {
    return ok(await this.actions.cancelReservation(client, orderId, body));
  }
}

import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedClient } from '../../clients/api-clients.service.js';
import { CurrentClient } from '../../common/auth/current-client.decorator.js';
import { ok } from '../../common/http/envelope.js';
import { ApiErrors } from '../../common/openapi/api-errors.decorator.js';
import type { InboundNotification } from './inbound-notification.entity.js';
import { InboundNotificationsService } from './inbound-notifications.service.js';

class InboundNotificationDto {
  @ApiProperty({ example: '42' }) id: string;
  @ApiProperty({ example: '2026-11-24T21:31:12.345Z' }) received_at: string;
  @ApiProperty({ enum: ['POST', 'GET'] }) method: string;
  @ApiProperty({ enum: ['valid', 'invalid', 'missing', 'expired'] }) signature: string;
  @ApiProperty({ enum: ['applied', 'duplicate', 'stale', 'ignored', 'failed'], nullable: true }) outcome: string | null;
  @ApiProperty({ nullable: true, example: null }) payload_type: string | null;
  @ApiProperty({ example: 1 }) attempts: number;
  @ApiProperty({ nullable: true, type: String }) processed_at: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was ignored or failed' }) detail: string | null;
}
class InboundNotificationListDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: [InboundNotificationDto] }) data: InboundNotificationDto[];
}
class InboundNotificationResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: InboundNotificationDto }) data: InboundNotificationDto;
}

const view = (n: InboundNotification): InboundNotificationDto => ({
  id: n.id, received_at: n.receivedAt.toISOString(), method: n.method, signature: n.signature, outcome: n.outcome,
  payload_type: n.payloadType, attempts: n.attempts, processed_at: n.processedAt?.toISOString() ?? null, detail: n.error,
});

@ApiTags('orders')
@ApiSecurity('api_key')
@ApiSecurity('bearer')
@Controller('v1/json/orders/:order_id/notifications')
export class InboxController {
  constructor(private readonly inbound: InboundNotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Notifications MultiSafepay sent about the order, with signature result and outcome' })
  @ApiParam({ name: 'order_id', example: 'my-order-id-1' })
  @ApiOkResponse({ type: InboundNotificationListDto })
  @ApiErrors(401, 404)
  async list(@CurrentClient() client: AuthenticatedClient, @Param('order_id') orderId: string) {
    return ok((await this.inbound.listForOrder(client, orderId)).map(view));
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Process a stored notification again (operator replay)' })
  @ApiParam({ name: 'order_id', example: 'my-order-id-1' })
  @ApiParam({ name: 'id', example: '42' })
  @ApiOkResponse({ type: InboundNotificationResponseDto })
  @ApiErrors(401, 404)
  async replay(@CurrentClient() client: AuthenticatedClient, @Param('order_id') orderId: string, @Param('id') id: string) {
    return ok(view(await this.inbound.replay(client, orderId, id)));
  }
}

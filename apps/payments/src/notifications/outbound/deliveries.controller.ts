import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedClient } from '../../clients/api-clients.service.js';
import { CurrentClient } from '../../common/auth/current-client.decorator.js';
import { ok } from '../../common/http/envelope.js';
import { ApiErrors } from '../../common/openapi/api-errors.decorator.js';
import { PagerDto } from '../../orders/dto/order.responses.js';
import { DeliveriesService } from './deliveries.service.js';
import { ListDeliveriesQuery } from './list-deliveries.query.js';

class DeliveryDto {
  @ApiProperty({ example: '17' }) id: string;
  @ApiProperty({ example: 'my-order-id-1' }) order_id: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed', 'dead'], description: 'failed = will be retried; dead = gave up (replayable)' }) status: string;
  @ApiProperty({ enum: ['POST', 'GET'] }) method: string;
  @ApiProperty({ example: 'https://www.example.com/client/notification?type=notification' }) target_url: string;
  @ApiProperty({ example: 1 }) attempts: number;
  @ApiProperty({ nullable: true, type: String }) next_attempt_at: string | null;
  @ApiProperty({ nullable: true, type: String }) last_attempt_at: string | null;
  @ApiProperty({ nullable: true, type: String }) delivered_at: string | null;
  @ApiProperty({ nullable: true, type: String, example: '200 OK', description: 'HTTP status and the start of the body, or the error' })
  last_response: string | null;
  @ApiProperty({ example: '2026-11-24T21:31:12.345Z' }) created_at: string;
}
class DeliveryListDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: [DeliveryDto] }) data: DeliveryDto[];
  @ApiProperty({ type: PagerDto }) pager: PagerDto;
}
class DeliveryResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: DeliveryDto }) data: DeliveryDto;
}

@ApiTags('notifications')
@ApiSecurity('api_key')
@ApiSecurity('bearer')
@Controller('v1/json/notifications')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @ApiOperation({
    summary: 'Notifications sent to you about your orders (MSP format, signed with your key)',
    description: 'Newest first; filter by order and status. Delivery is at least once: drop a payload whose `modified` is older than one you have.',
  })
  @ApiOkResponse({ type: DeliveryListDto })
  @ApiErrors(400, 401)
  async list(@CurrentClient() client: AuthenticatedClient, @Query() query: ListDeliveriesQuery) {
    const page = await this.deliveries.list(client, query);
    return { success: true as const, data: page.data, pager: page.pager };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a notification again now (also a dead one); answers with its new state' })
  @ApiParam({ name: 'id', example: '17' })
  @ApiOkResponse({ type: DeliveryResponseDto })
  @ApiErrors(401, 404, 409)
  async retry(@CurrentClient() client: AuthenticatedClient, @Param('id') id: string) {
    return ok(await this.deliveries.retry(client, id));
  }
}

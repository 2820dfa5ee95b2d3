import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CreateOrderRequestDto, SEED_ORDER_EXAMPLE } from '@app/multisafepay';
import type { AuthenticatedClient } from '../clients/api-clients.service.js';
import { CurrentClient } from '../common/auth/current-client.decorator.js';
import { ok } from '../common/http/envelope.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import { CreateOrderPipe } from './create-order.pipe.js';
import { ListOrdersQuery } from './dto/list-orders.query.js';
import {
  CreateOrderResponseDto, OrderHistoryResponseDto, OrderListResponseDto, OrderResponseDto,
} from './dto/order.responses.js';
import { OrderListingService } from './order-listing.service.js';
import { OrdersService } from './orders.service.js';

@ApiTags('orders')
@ApiSecurity('api_key')
@ApiSecurity('bearer')
@Controller('v1/json/orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly listing: OrderListingService,
  ) {}

  @Post()
  @HttpCode(200)
  @Idempotent('orders.create')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Optional; order_id already makes creates idempotent' })
  @ApiOperation({
    summary: 'Create an order (MSP dialect)',
    description:
      "Takes MultiSafepay's POST /orders body as is. The caller's notification_url is kept and MSP is given this " +
      'service\'s webhook instead. The same order_id with the same body replays the first answer; a different body is 1006.',
  })
  @ApiBody({ type: CreateOrderRequestDto, examples: { seed: { summary: 'Redirect card order (the seed)', value: SEED_ORDER_EXAMPLE } } })
  @ApiOkResponse({ type: CreateOrderResponseDto })
  @ApiErrors(400, 401, 409, 422, 502, 504)
  async create(@CurrentClient() client: AuthenticatedClient, @Body(CreateOrderPipe) body: Record<string, unknown>) {
    const { data } = await this.orders.create(client, body as unknown as CreateOrderRequestDto);
    return ok(data);
  }

  @Get()
  @ApiOperation({ summary: "List the caller's orders, newest first, with filters and a cursor" })
  @ApiOkResponse({ type: OrderListResponseDto })
  @ApiErrors(400, 401)
  async list(@CurrentClient() client: AuthenticatedClient, @Query() query: ListOrdersQuery) {
    const page = await this.listing.list(client, query);
    return { success: true as const, data: page.data, pager: page.pager };
  }

  @Get(':order_id')
  @ApiOperation({ summary: 'Get an order in MSP\'s order shape', description: '`refresh=true` syncs from MSP first.' })
  @ApiParam({ name: 'order_id', example: 'my-order-id-1' })
  @ApiQuery({ name: 'refresh', required: false, type: Boolean })
  @ApiOkResponse({ type: OrderResponseDto })
  @ApiErrors(401, 404, 502, 504)
  async get(@CurrentClient() client: AuthenticatedClient, @Param('order_id') orderId: string, @Query('refresh') refresh?: string) {
    return ok(await this.orders.get(client, orderId, refresh === 'true' || refresh === '1'));
  }

  @Get(':order_id/history')
  @ApiOperation({ summary: 'Every state change of the order, with its source and time' })
  @ApiParam({ name: 'order_id', example: 'my-order-id-1' })
  @ApiOkResponse({ type: OrderHistoryResponseDto })
  @ApiErrors(401, 404)
  async history(@CurrentClient() client: AuthenticatedClient, @Param('order_id') orderId: string) {
    return ok(await this.orders.history(client, orderId));
  }
}

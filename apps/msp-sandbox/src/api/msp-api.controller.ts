import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { MspSandboxError, mspOk } from '../common/msp-answer.js';
import { COUPONS, GATEWAYS, IDEAL_ISSUERS } from '../orders/gateway-catalogue.js';
import { SandboxOrdersService } from '../orders/sandbox-orders.service.js';
import { toMspOrder } from '../store/msp-order-view.js';
import { mspTime } from '../store/clock.js';
import { MspApiKeyGuard } from './api-key.guard.js';

const asObject = (body: unknown): Record<string, unknown> => (body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {});

/** MSP's JSON API v1, the parts the payments service and MSP's SDKs use. */
@ApiExcludeController()
@UseGuards(MspApiKeyGuard)
@Controller('v1/json')
export class MspApiController {
  constructor(private readonly orders: SandboxOrdersService) {}

  @Post('orders')
  @HttpCode(200)
  @Header('content-type', 'application/json; charset=utf-8')
  create(@Body() body: unknown): string {
    return mspOk(this.orders.create(body));
  }

  @Get('orders')
  @Header('content-type', 'application/json; charset=utf-8')
  list(@Query() query: Record<string, string>): string {
    const page = this.orders.list(query);
    return mspOk(page.data.map(toMspOrder), { pager: page.pager });
  }

  @Get('orders/:order_id')
  @Header('content-type', 'application/json; charset=utf-8')
  get(@Param('order_id') orderId: string): string {
    return mspOk(toMspOrder(this.orders.get(orderId)));
  }

  @Patch('orders/:order_id')
  @Header('content-type', 'application/json; charset=utf-8')
  update(@Param('order_id') orderId: string, @Body() body: unknown): string {
    return mspOk(this.orders.update(orderId, asObject(body)));
  }

  @Post('orders/:order_id/refunds')
  @HttpCode(200)
  @Header('content-type', 'application/json; charset=utf-8')
  refund(@Param('order_id') orderId: string, @Body() body: unknown): string {
    return mspOk(this.orders.refund(orderId, asObject(body)));
  }

  @Post('orders/:order_id/capture')
  @HttpCode(200)
  @Header('content-type', 'application/json; charset=utf-8')
  capture(@Param('order_id') orderId: string, @Body() body: unknown): string {
    return mspOk(this.orders.capture(orderId, asObject(body)));
  }

  @Patch('capture/:order_id')
  @Header('content-type', 'application/json; charset=utf-8')
  cancelReservation(@Param('order_id') orderId: string, @Body() body: unknown): string {
    return mspOk(this.orders.cancelReservation(orderId, asObject(body)));
  }

  @Get('transactions')
  @Header('content-type', 'application/json; charset=utf-8')
  transactions(@Query() query: Record<string, string>): string {
    const page = this.orders.list(query);
    const data = page.data.map((o) => ({
      transaction_id: o.transaction_id, order_id: o.order_id, created: mspTime(o.created), currency: o.currency, amount: o.amount,
      description: o.description, status: o.status, financial_status: o.financial_status, payment_method: o.payment_details.type ?? null,
      type: 'payment', debit_credit: 'credit', site_id: 1, var1: o.request.var1 ?? null, var2: o.request.var2 ?? null, var3: o.request.var3 ?? null,
      customer: { email: o.customer.email ?? null, first_name: o.customer.first_name ?? null, last_name: o.customer.last_name ?? null },
      costs: [], net: o.amount,
    }));
    return mspOk(data, { pager: page.pager });
  }

  @Get('gateways')
  @Header('content-type', 'application/json; charset=utf-8')
  gateways(@Query('include') include?: string): string {
    return mspOk(include === 'coupons' ? [...GATEWAYS, ...COUPONS] : GATEWAYS);
  }

  @Get('gateways/:id')
  @Header('content-type', 'application/json; charset=utf-8')
  gateway(@Param('id') id: string): string {
    const hit = [...GATEWAYS, ...COUPONS].find((g) => g.id === id.toUpperCase());
    if (!hit) throw new MspSandboxError(1023, `Gateway ${id} is not available`, 404);
    return mspOk(hit);
  }

  @Get('issuers/:gateway')
  @Header('content-type', 'application/json; charset=utf-8')
  issuers(@Param('gateway') gateway: string): string {
    if (gateway.toLowerCase() !== 'ideal') throw new MspSandboxError(1023, `No issuers for gateway ${gateway}`, 404);
    return mspOk(IDEAL_ISSUERS);
  }

  @Delete('recurring/:reference/remove/:token')
  @Header('content-type', 'application/json; charset=utf-8')
  removeToken(): string {
    return mspOk({ removed: true });
  }
}

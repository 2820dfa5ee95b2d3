import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ApiFaults, type ApiFault } from '../api/api-faults.js';
import { NotificationFaults, type NotificationFault } from '../notifications/notification-faults.js';
import { Notifier } from '../notifications/notifier.js';
import { SandboxOrdersService } from '../orders/sandbox-orders.service.js';
import { SandboxClock } from '../store/clock.js';
import { toMspOrder } from '../store/msp-order-view.js';
import { SandboxStore } from '../store/sandbox-store.js';
import { stringifyMspJson } from '@app/multisafepay';

/**
 * The test driver's side door (no api_key: the sandbox listens on loopback by default). Documented in the
 * README under "MSP sandbox".
 */
@ApiExcludeController()
@Controller('_sandbox')
export class ControlController {
  constructor(
    private readonly orders: SandboxOrdersService,
    private readonly store: SandboxStore,
    private readonly clock: SandboxClock,
    private readonly apiFaults: ApiFaults,
    private readonly notificationFaults: NotificationFaults,
    private readonly notifier: Notifier,
  ) {}

  @Get('health')
  health() {
    return { ok: true };
  }

  @Get('orders/:order_id')
  order(@Param('order_id') orderId: string): string {
    const o = this.orders.get(orderId);
    return stringifyMspJson({ ...toMspOrder(o), payment_options: o.payment_options, request: o.request, type: o.type, gateway: o.gateway, expires_at: o.expires_at.toISOString() });
  }

  /** Force a status, as a bank, a chargeback or a merchant action would. */
  @Post('orders/:order_id/status')
  @HttpCode(200)
  force(@Param('order_id') orderId: string, @Body() body: { status: string; financial_status?: string; amount_refunded?: number; reason?: string }): string {
    return stringifyMspJson(toMspOrder(this.orders.force(orderId, body.status, body.financial_status, { amount_refunded: body.amount_refunded, reason: body.reason })));
  }

  @Post('orders/:order_id/expire')
  @HttpCode(200)
  expire(@Param('order_id') orderId: string): string {
    return stringifyMspJson(toMspOrder(this.orders.expire(orderId)));
  }

  /** Moves sandbox time forward: expiries and delayed outcomes (uncleared cards) fall due. */
  @Post('time/advance')
  @HttpCode(200)
  advance(@Body() body: { seconds?: number; ms?: number }) {
    this.clock.advance((body.seconds ?? 0) * 1000 + (body.ms ?? 0));
    this.orders.sweep();
    return { now: this.clock.now().toISOString() };
  }

  @Post('faults')
  @HttpCode(200)
  addApiFault(@Body() body: ApiFault) {
    this.apiFaults.add(body);
    return { faults: this.apiFaults.list() };
  }

  @Get('faults')
  listApiFaults() {
    return { faults: this.apiFaults.list() };
  }

  @Delete('faults')
  clearApiFaults() {
    this.apiFaults.clear();
    return { faults: [] };
  }

  @Post('notification-faults')
  @HttpCode(200)
  addNotificationFault(@Body() body: NotificationFault) {
    this.notificationFaults.add(body);
    return { faults: this.notificationFaults.list() };
  }

  @Delete('notification-faults')
  clearNotificationFaults() {
    this.notificationFaults.clear();
    return { faults: [] };
  }

  /** Every notification sent, with the receiver's answer. */
  @Get('notifications')
  notifications() {
    return { notifications: this.notifier.log };
  }

  @Post('reset')
  @HttpCode(200)
  reset() {
    this.store.clear();
    this.apiFaults.clear();
    this.notificationFaults.clear();
    this.clock.reset();
    this.notifier.log.length = 0;
    return { ok: true };
  }
}

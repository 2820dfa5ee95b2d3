import { randomBytes, randomInt } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import { SandboxClock } from './clock.js';
import type { SandboxOrder } from './sandbox-order.js';

export interface StatusChange {
  order: SandboxOrder;
  from: string;
  to: string;
}

/**
 * The simulated MSP's memory. A simulator needs no database: state lives as long as the process.
 * Every status change is announced on `changes` (the notifier listens).
 */
@Injectable()
export class SandboxStore {
  readonly changes = new EventEmitter();
  private readonly orders = new Map<string, SandboxOrder>();
  private readonly bySession = new Map<string, string>();
  private sequence = 0;

  constructor(private readonly clock: SandboxClock) {}

  /** 17-digit PSP ids, beyond JS's safe integers, like MSP's newest ids. */
  nextTransactionId(): bigint {
    this.sequence = (this.sequence + 1) % 1000;
    return BigInt(this.clock.now().getTime()) * 10_000n + BigInt(this.sequence * 10 + randomInt(10));
  }

  newSessionId(): string {
    return randomBytes(12).toString('base64url');
  }

  add(order: SandboxOrder): void {
    this.orders.set(order.order_id, order);
    this.bySession.set(order.session_id, order.order_id);
  }

  get(orderId: string): SandboxOrder | undefined {
    return this.orders.get(orderId);
  }

  bySessionId(sessionId: string): SandboxOrder | undefined {
    const id = this.bySession.get(sessionId);
    return id ? this.orders.get(id) : undefined;
  }

  all(): SandboxOrder[] {
    return [...this.orders.values()];
  }

  clear(): void {
    this.orders.clear();
    this.bySession.clear();
  }

  /** Changes status (and anything else given), stamps `modified`, and announces it. */
  setStatus(order: SandboxOrder, status: string, financial: string = status, extra: Partial<SandboxOrder> = {}): void {
    const from = order.status;
    Object.assign(order, extra, { status, financial_status: financial, modified: this.clock.now() });
    if (status === 'completed' && !order.completed) order.completed = order.modified;
    this.changes.emit('change', { order, from, to: status } satisfies StatusChange);
  }

  /** Touches an order without a status change (a refund added), and announces it too: MSP notifies then. */
  touch(order: SandboxOrder): void {
    order.modified = this.clock.now();
    this.changes.emit('change', { order, from: order.status, to: order.status } satisfies StatusChange);
  }
}

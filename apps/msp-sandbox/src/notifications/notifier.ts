import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { signNotification, stringifyMspJson } from '@app/multisafepay';
import { SANDBOX_OPTIONS, type SandboxOptions } from '../sandbox-options.js';
import { SandboxClock } from '../store/clock.js';
import { toMspOrder } from '../store/msp-order-view.js';
import { SandboxStore, type StatusChange } from '../store/sandbox-store.js';
import { NotificationFaults, type NotificationFault } from './notification-faults.js';

export interface SentNotification {
  id: number;
  order_id: string;
  method: 'POST' | 'GET';
  url: string;
  attempt: number;
  status: string;
  snapshot_status: string;
  modified: string;
  response: string | null;
  acknowledged: boolean;
  faults: string[];
  at: string;
}

interface Outgoing {
  orderId: string;
  target: string;
  method: 'POST' | 'GET';
  body: string;
  status: string;
  modified: string;
  fault: NotificationFault | undefined;
}

const MAX_RETRIES = 3;

/**
 * Sends MSP's notifications: on every change, to the order's notification_url, POST signed (API-NOTES §3.3)
 * or GET; retried 3 times at MSP's interval unless answered 200 with OK in the first 100 characters; each
 * try gets a new timestamp and signature. Faults from the control API shape what is sent.
 */
@Injectable()
export class Notifier implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SandboxNotifier');
  readonly log: SentNotification[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly held = new Map<string, Outgoing>();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly store: SandboxStore,
    private readonly clock: SandboxClock,
    private readonly faults: NotificationFaults,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
  ) {}

  onModuleInit(): void {
    this.store.changes.on('change', (change: StatusChange) => this.onChange(change));
  }

  onModuleDestroy(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private onChange({ order }: StatusChange): void {
    const target = order.payment_options.notification_url;
    if (typeof target !== 'string' || !target) return;
    const fault = this.faults.take(order.order_id);
    const out: Outgoing = {
      orderId: order.order_id, target, method: order.payment_options.notification_method === 'GET' || fault?.as_get ? 'GET' : 'POST',
      // The snapshot is taken now: a held (reordered) notification carries its older state.
      body: stringifyMspJson(toMspOrder(order)), status: order.status, modified: toMspOrder(order).modified as string,
      fault,
    };
    if (fault?.drop) {
      this.record(out, 0, 'dropped', null, false);
      return;
    }
    const earlier = this.held.get(order.order_id);
    if (fault?.reorder && !earlier) {
      this.held.set(order.order_id, out);
      return;
    }
    this.later(fault?.delay_ms ?? 0, () => {
      const sends = Array.from({ length: (fault?.duplicate ?? 0) + 1 }, () => this.attempt(out, 1));
      if (earlier) {
        this.held.delete(order.order_id);
        // The older snapshot goes only once the newer one was answered: a real reorder, not a race.
        void Promise.all(sends).then(() => this.attempt(earlier, 1));
      }
    });
  }

  /** Sends one try; schedules the next one if the receiver did not acknowledge. */
  private async attempt(out: Outgoing, attempt: number): Promise<void> {
    if (this.closed) return;
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    const url = new URL(out.target);
    url.searchParams.set('transactionid', out.orderId);
    url.searchParams.set('timestamp', String(timestamp));
    if (out.fault?.pretransaction) url.searchParams.set('payload_type', 'pretransaction');
    const headers: Record<string, string> = { 'user-agent': 'MultiSafepay sandbox notifier' };
    if (out.method === 'POST') {
      headers['content-type'] = 'application/json';
      headers.auth = signNotification(out.fault?.bad_signature ? `${this.options.apiKey}-wrong` : this.options.apiKey, out.body, timestamp);
    }
    let acknowledged = false;
    let status = 'error';
    let response: string | null = null;
    try {
      const res = await fetch(url, {
        method: out.method, headers, body: out.method === 'POST' ? out.body : undefined, redirect: 'manual',
        signal: AbortSignal.timeout(this.options.notificationTimeoutMs),
      });
      const text = (await res.text()).slice(0, 500);
      status = String(res.status);
      response = text.slice(0, 200);
      acknowledged = res.status === 200 && text.slice(0, 100).includes('OK');
    } catch (e) {
      response = (e as Error).name === 'TimeoutError' ? 'timeout' : `connection failed: ${(e as Error).message}`;
    }
    this.record(out, attempt, status, response, acknowledged);
    if (!acknowledged && attempt <= MAX_RETRIES) this.later(this.options.notificationRetryMs, () => void this.attempt(out, attempt + 1));
  }

  private record(out: Outgoing, attempt: number, status: string, response: string | null, acknowledged: boolean): void {
    const f = out.fault ?? {};
    this.log.push({
      id: this.nextId++, order_id: out.orderId, method: out.method, url: out.target, attempt, status, response, acknowledged,
      snapshot_status: out.status, modified: out.modified, at: this.clock.now().toISOString(),
      faults: Object.entries(f).filter(([k, v]) => v && k !== 'order_id' && k !== 'times').map(([k]) => k),
    });
    if (this.log.length > 5000) this.log.splice(0, 1000);
  }

  private later(ms: number, fn: () => void): void {
    if (this.closed) return;
    if (ms <= 0) {
      fn();
      return;
    }
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    t.unref();
    this.timers.add(t);
  }
}

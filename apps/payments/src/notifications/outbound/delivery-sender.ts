import { Inject, Injectable } from '@nestjs/common';
import { signNotification } from '@app/multisafepay';
import { ApiClientsService } from '../../clients/api-clients.service.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { readCapped } from './capped-body.js';
import { hostAllowed } from './host-allowlist.js';

export interface DeliveryToSend {
  id: string;
  client_id: string;
  client_name: string;
  order_id: string;
  target_url: string;
  method: 'POST' | 'GET';
  payload: Record<string, unknown> | null;
}

export type SendResult =
  | { kind: 'delivered'; response: string }
  | { kind: 'retry'; response: string }
  /** Can never succeed as configured (scheme, allowlist): no point retrying. */
  | { kind: 'refused'; response: string };

const BODY_CAP = 4096;
const KEY_CACHE_MS = 5 * 60_000;

/**
 * Sends one notification exactly as MSP would (API-NOTES §3): the caller's URL with its own query plus
 * `transactionid` and `timestamp`; POST body = the order JSON; `Auth` signed with the caller's own key.
 */
@Injectable()
export class DeliverySender {
  private readonly keys = new Map<string, { key: string; until: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clients: ApiClientsService,
  ) {}

  async send(d: DeliveryToSend): Promise<SendResult> {
    let url: URL;
    try {
      url = new URL(d.target_url);
    } catch {
      return { kind: 'refused', response: 'refused: not a URL' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'refused', response: `refused: scheme ${url.protocol} not allowed` };
    if (!hostAllowed(url.hostname, this.config.delivery.allowedHosts[d.client_name])) {
      return { kind: 'refused', response: `refused: host ${url.hostname} is not on the allowlist` };
    }
    const timestamp = Math.floor(Date.now() / 1000);
    url.searchParams.set('transactionid', d.order_id);
    url.searchParams.set('timestamp', String(timestamp));
    const body = d.method === 'POST' ? JSON.stringify(d.payload ?? {}) : undefined;
    const headers: Record<string, string> = { 'user-agent': 'payments-notifier/1.0' };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers.auth = signNotification(await this.signingKey(d.client_id), body, timestamp);
    }
    try {
      const res = await fetch(url, {
        method: d.method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(this.config.delivery.timeoutMs),
      });
      const text = await readCapped(res, BODY_CAP);
      const response = `${res.status} ${text.slice(0, 200).replace(/\s+/g, ' ').trim()}`.trim();
      // MSP's own rule: a 2xx with OK in the first 100 characters.
      if (res.status >= 200 && res.status < 300 && text.slice(0, 100).includes('OK')) return { kind: 'delivered', response };
      return { kind: 'retry', response };
    } catch (e) {
      const name = (e as Error).name;
      const reason = name === 'TimeoutError' || name === 'AbortError' ? `timeout after ${this.config.delivery.timeoutMs} ms` : `connection failed (${(e as { cause?: { code?: string } }).cause?.code ?? name})`;
      return { kind: 'retry', response: `error: ${reason}` };
    }
  }

  private async signingKey(clientId: string): Promise<string> {
    const hit = this.keys.get(clientId);
    if (hit && hit.until > Date.now()) return hit.key;
    const key = await this.clients.signingKey(clientId);
    this.keys.set(clientId, { key, until: Date.now() + KEY_CACHE_MS });
    return key;
  }
}

import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { AxiosError, type AxiosRequestConfig, type Method } from 'axios';
import { Agent } from 'undici';
import { MspApiError, MspProtocolError, MspServerError, MspTimeoutError, MspUnreachableError } from '../errors.js';
import { parseMspJson } from '../json/msp-json.js';
import { normaliseOrder } from '../json/normalise-order.js';
import type { MspCreateOrderResult, MspGateway, MspIssuer, MspListPager, MspOrder, MspRefundResult } from '../wire/responses.js';
import { MULTISAFEPAY_OPTIONS, type MultiSafepayOptions } from './multisafepay.options.js';
import { undiciTransport } from './undici-transport.js';

interface Envelope {
  success?: boolean;
  data?: unknown;
  error_code?: number | string;
  error_info?: string;
  pager?: MspListPager;
}

const enc = encodeURIComponent;

/** The only code that speaks MSP's HTTP API. Answers are the envelope's `data`; failures are MspError subclasses. */
@Injectable()
export class MultiSafepayClient implements OnModuleDestroy {
  private readonly base: string;
  private readonly timeoutMs: number;
  // Keep-alive: one TLS/TCP handshake per connection, not per order.
  private readonly dispatcher = new Agent({ connections: 64, keepAliveTimeout: 30_000 });
  private readonly transport = undiciTransport(this.dispatcher);

  constructor(
    private readonly http: HttpService,
    @Inject(MULTISAFEPAY_OPTIONS) private readonly options: MultiSafepayOptions,
  ) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async createOrder(body: object): Promise<MspCreateOrderResult> {
    const data = (await this.request('POST', '/orders', body)).data as Record<string, unknown>;
    return normaliseOrder(data) as MspCreateOrderResult;
  }

  async getOrder(orderId: string): Promise<MspOrder> {
    return normaliseOrder((await this.request('GET', `/orders/${enc(orderId)}`)).data);
  }

  async updateOrder(orderId: string, body: object): Promise<unknown> {
    return (await this.request('PATCH', `/orders/${enc(orderId)}`, body)).data;
  }

  async refundOrder(orderId: string, body: object): Promise<MspRefundResult> {
    const data = (await this.request('POST', `/orders/${enc(orderId)}/refunds`, body)).data as Record<string, unknown>;
    for (const k of ['transaction_id', 'refund_id']) if (typeof data?.[k] === 'number') data[k] = String(data[k]);
    return data as MspRefundResult;
  }

  async captureOrder(orderId: string, body: object): Promise<Record<string, unknown>> {
    return (await this.request('POST', `/orders/${enc(orderId)}/capture`, body)).data as Record<string, unknown>;
  }

  async cancelReservation(orderId: string, body: object): Promise<Record<string, unknown>> {
    return (await this.request('PATCH', `/capture/${enc(orderId)}`, body)).data as Record<string, unknown>;
  }

  async listGateways(query: Record<string, string> = {}): Promise<MspGateway[]> {
    return (await this.request('GET', '/gateways', undefined, query)).data as MspGateway[];
  }

  async getGateway(id: string): Promise<MspGateway> {
    return (await this.request('GET', `/gateways/${enc(id)}`)).data as MspGateway;
  }

  async listIssuers(gateway: string): Promise<MspIssuer[]> {
    const data = (await this.request('GET', `/issuers/${enc(gateway)}`)).data as { code: unknown; description: string }[];
    return data.map((i) => ({ ...i, code: String(i.code) }));
  }

  async listTransactions(query: Record<string, string | number> = {}): Promise<{ data: unknown[]; pager?: MspListPager }> {
    const env = await this.request('GET', '/transactions', undefined, query);
    return { data: (env.data as unknown[]) ?? [], pager: env.pager };
  }

  async deleteToken(customerReference: string, token: string): Promise<unknown> {
    return (await this.request('DELETE', `/recurring/${enc(customerReference)}/remove/${enc(token)}`)).data;
  }

  async onModuleDestroy(): Promise<void> {
    await this.dispatcher.close();
  }

  private async request(method: Method, path: string, body?: object, params?: Record<string, string | number>): Promise<Envelope> {
    const query = params ? new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString() : '';
    const config: AxiosRequestConfig = {
      method,
      url: `${this.base}${path}${query ? `?${query}` : ''}`,
      data: body === undefined ? undefined : JSON.stringify(body),
      headers: { api_key: this.options.apiKey, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      timeout: this.timeoutMs,
      responseType: 'text',
      transformResponse: [(d: unknown) => d],
      validateStatus: () => true,
      maxRedirects: 0,
      adapter: this.transport,
    };
    let status: number;
    let text: string;
    try {
      // The module's axios instance directly: its Observable wrapper cancels a token after every request,
      // building an error object (and stack trace) each time for nothing.
      const res = await this.http.axiosRef.request<string>(config);
      status = res.status;
      text = typeof res.data === 'string' ? res.data : '';
    } catch (e) {
      throw this.transportError(e, method, path);
    }
    let parsed: Envelope | undefined;
    try {
      parsed = text ? (parseMspJson(text) as Envelope) : undefined;
    } catch {
      parsed = undefined;
    }
    if (parsed && typeof parsed === 'object' && parsed.success === true) return parsed;
    if (parsed && typeof parsed === 'object' && parsed.error_code !== undefined) {
      throw new MspApiError(Number(parsed.error_code), String(parsed.error_info ?? 'Unknown error'), status);
    }
    if (status >= 500) throw new MspServerError(status);
    // MSP sometimes omits `success` on good answers (PHPSDK treats non-empty data as success).
    if (status < 300 && parsed && typeof parsed === 'object' && parsed.data !== undefined) return parsed;
    throw new MspProtocolError(`Unexpected answer to ${method} ${path}: HTTP ${status}`);
  }

  private transportError(e: unknown, method: Method, path: string): Error {
    const err = e as AxiosError & { cause?: { code?: string } };
    const code = err.code ?? err.cause?.code;
    if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED' || err.name === 'CanceledError' || err.name === 'TimeoutError') {
      return new MspTimeoutError(`MSP did not answer ${method} ${path} within ${this.timeoutMs} ms`);
    }
    return new MspUnreachableError(`MSP unreachable for ${method} ${path}${code ? ` (${code})` : ''}`);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { MultiSafepayClient, type MspGateway, type MspIssuer } from '@app/multisafepay';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { mspFailure } from '../orders/msp-failure.js';
import { TtlCache } from './gateway-cache.js';

/** Payment methods change rarely; MSP is asked at most once per TTL per distinct question. */
@Injectable()
export class GatewaysService {
  private readonly cache: TtlCache<unknown>;

  constructor(private readonly msp: MultiSafepayClient, @Inject(APP_CONFIG) config: AppConfig) {
    this.cache = new TtlCache(config.msp.gatewayCacheTtlSeconds * 1000);
  }

  list(query: Record<string, string>): Promise<MspGateway[]> {
    const key = `gateways?${new URLSearchParams(Object.entries(query).sort()).toString()}`;
    return this.load(key, () => this.msp.listGateways(query));
  }

  get(id: string): Promise<MspGateway> {
    return this.load(`gateway:${id.toUpperCase()}`, () => this.msp.getGateway(id));
  }

  issuers(gateway: string): Promise<MspIssuer[]> {
    return this.load(`issuers:${gateway.toLowerCase()}`, () => this.msp.listIssuers(gateway));
  }

  private async load<T>(key: string, fetch: () => Promise<T>): Promise<T> {
    try {
      return (await this.cache.get(key, fetch)) as T;
    } catch (e) {
      throw mspFailure(e);
    }
  }
}

import { type DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MultiSafepayModule } from '@app/multisafepay';
import { ClientsModule } from './clients/clients.module.js';
import { ApiKeyGuard } from './common/auth/api-key.guard.js';
import { DomainError } from './common/errors/domain-error.js';
import { EnvelopeExceptionFilter } from './common/errors/envelope-exception.filter.js';
import { IdempotencyStore } from './common/idempotency/idempotency.store.js';
import { CustomersModule } from './customers/customers.module.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source.js';
import { GatewaysModule } from './gateways/gateways.module.js';
import { HealthModule } from './health/health.module.js';
import { OrdersModule } from './orders/orders.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ReconciliationModule } from './reconciliation/reconciliation.module.js';
import type { ValidationError } from 'class-validator';

const flatten = (errors: ValidationError[], prefix = ''): { field: string; message: string }[] =>
  errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((message) => ({ field: `${prefix}${e.property}`, message })),
    ...flatten(e.children ?? [], `${prefix}${e.property}.`),
  ]);

/** Query strings and other non-MSP inputs; MSP bodies have their own pipe with MSP's codes. */
const validationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  exceptionFactory: (errors) => {
    const fields = flatten(errors);
    return new DomainError('invalid_request', `Invalid ${[...new Set(fields.map((f) => f.field))].join(', ')}`, { fields });
  },
});

@Module({})
export class AppModule {
  /** Built from an already validated config, so tests can run several differently configured instances in one process. */
  static forRoot(config: AppConfig): DynamicModule {
    if (!config.database.url) throw new Error('AppModule needs a database URL (start the embedded Postgres first)');
    const url = config.database.url;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, skipProcessEnv: true, load: [() => ({ ...config })] }),
        TypeOrmModule.forRoot(dataSourceOptions(url, config.database.poolSize)),
        MultiSafepayModule.forRoot({ baseUrl: config.msp.baseUrl, apiKey: config.msp.apiKey, timeoutMs: config.msp.timeoutMs }),
        MetricsModule,
        ClientsModule,
        OrdersModule,
        NotificationsModule,
        CustomersModule,
        ReconciliationModule,
        GatewaysModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: EnvelopeExceptionFilter },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_PIPE, useValue: validationPipe },
        IdempotencyStore,
      ],
      exports: [APP_CONFIG, MultiSafepayModule, IdempotencyStore],
      global: true,
    };
  }
}

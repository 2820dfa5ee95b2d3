import { type DynamicModule, Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { MultiSafepayClient } from './multisafepay.client.js';
import { MULTISAFEPAY_OPTIONS, type MultiSafepayOptions } from './multisafepay.options.js';

export interface MultiSafepayAsyncOptions {
  imports?: DynamicModule['imports'];
  inject?: (string | symbol | (new (...args: never[]) => unknown))[];
  useFactory: (...args: never[]) => MultiSafepayOptions | Promise<MultiSafepayOptions>;
}

@Module({})
export class MultiSafepayModule {
  static forRoot(options: MultiSafepayOptions): DynamicModule {
    return {
      module: MultiSafepayModule,
      imports: [HttpModule],
      providers: [{ provide: MULTISAFEPAY_OPTIONS, useValue: options }, MultiSafepayClient],
      exports: [MultiSafepayClient],
    };
  }

  static forRootAsync(options: MultiSafepayAsyncOptions): DynamicModule {
    return {
      module: MultiSafepayModule,
      imports: [HttpModule, ...(options.imports ?? [])],
      providers: [{ provide: MULTISAFEPAY_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory }, MultiSafepayClient],
      exports: [MultiSafepayClient],
    };
  }
}

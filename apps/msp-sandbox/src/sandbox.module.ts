import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ApiFaults } from './api/api-faults.js';
import { MspApiKeyGuard } from './api/api-key.guard.js';
import { MspApiController } from './api/msp-api.controller.js';
import { MspErrorFilter } from './common/msp-error.filter.js';
import { ControlController } from './control/control.controller.js';
import { NotificationFaults } from './notifications/notification-faults.js';
import { Notifier } from './notifications/notifier.js';
import { SandboxOrdersService } from './orders/sandbox-orders.service.js';
import { PaymentPageController } from './pages/payment-page.controller.js';
import { SANDBOX_OPTIONS, type SandboxOptions } from './sandbox-options.js';
import { SandboxClock } from './store/clock.js';
import { SandboxStore } from './store/sandbox-store.js';

@Module({})
export class SandboxModule {
  static forRoot(options: SandboxOptions): DynamicModule {
    return {
      module: SandboxModule,
      controllers: [MspApiController, PaymentPageController, ControlController],
      providers: [
        { provide: SANDBOX_OPTIONS, useValue: options },
        { provide: APP_FILTER, useClass: MspErrorFilter },
        SandboxClock, SandboxStore, SandboxOrdersService, ApiFaults, NotificationFaults, Notifier, MspApiKeyGuard,
      ],
    };
  }
}

import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';
import { PaymentsMetrics } from './payments-metrics.js';

@Global()
@Module({ controllers: [MetricsController], providers: [PaymentsMetrics], exports: [PaymentsMetrics] })
export class MetricsModule {}

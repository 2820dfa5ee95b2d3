import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorEnvelopeDto } from './error-envelope.dto.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (validation errors list the fields; MSP codes 1001, 1002, 1008, 1016, …)',
  401: 'Missing or invalid API key (1032)',
  404: 'Not found, or owned by another caller (1006 for orders)',
  409: 'Conflict: order_id already used with a different request (1006), or the resource is busy (1000)',
  422: 'MultiSafepay refused the request (its own error code is passed through)',
  502: 'MultiSafepay unreachable or failing (1014)',
  504: 'MultiSafepay did not answer in time (1014); the order is pending and can be resumed',
};

/** Documents the error envelope for the statuses an endpoint can answer. */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorEnvelopeDto })));

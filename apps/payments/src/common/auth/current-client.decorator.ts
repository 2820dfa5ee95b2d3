import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedClient } from '../../clients/api-clients.service.js';

export const CLIENT_KEY = 'paymentsClient';

export const CurrentClient = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedClient =>
    (ctx.switchToHttp().getRequest() as Record<string, AuthenticatedClient>)[CLIENT_KEY],
);

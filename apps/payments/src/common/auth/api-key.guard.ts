import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ApiClientsService } from '../../clients/api-clients.service.js';
import { DomainError } from '../errors/domain-error.js';
import { CLIENT_KEY } from './current-client.decorator.js';
import { IS_PUBLIC } from './public.decorator.js';

/** Reads the caller's key the way MSP clients send it: `api_key` header, or `Authorization: Bearer`. */
export function extractApiKey(request: FastifyRequest): string | undefined {
  const header = request.headers['api_key'];
  if (typeof header === 'string' && header.trim()) return header.trim();
  const auth = request.headers.authorization;
  if (auth?.toLowerCase().startsWith('bearer ')) return auth.slice(7).trim() || undefined;
  return undefined;
}

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly clients: ApiClientsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = extractApiKey(request);
    if (!key) throw new DomainError('unauthorized', 'Missing API key: send it in the api_key header');
    const client = await this.clients.authenticate(key);
    if (!client) throw new DomainError('unauthorized', 'Invalid API key');
    (request as unknown as Record<string, unknown>)[CLIENT_KEY] = client;
    return true;
  }
}

import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { MspSandboxError } from '../common/msp-answer.js';
import { SANDBOX_OPTIONS, type SandboxOptions } from '../sandbox-options.js';

/** MSP accepts the website key as an `api_key` header, an `?api_key=` query, or a Bearer token. */
@Injectable()
export class MspApiKeyGuard implements CanActivate {
  constructor(@Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const header = req.headers['api_key'];
    const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, '');
    const query = (req.query as Record<string, unknown>)?.api_key;
    const key = (typeof header === 'string' && header) || bearer || (typeof query === 'string' && query) || '';
    if (key.trim() !== this.options.apiKey) throw new MspSandboxError(1032, 'Invalid API key', 401);
    return true;
  }
}

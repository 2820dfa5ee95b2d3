import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/public.decorator.js';
import { InboundNotificationsService } from './inbound-notifications.service.js';

type RawRequest = FastifyRequest & { rawBody?: Buffer };

@ApiTags('webhooks')
@Public()
@Controller('webhooks/multisafepay')
export class WebhookController {
  constructor(private readonly inbound: InboundNotificationsService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "MultiSafepay's notification webhook (POST, signed)",
    description:
      'Called by MSP, not by internal services. The body is the order snapshot when the `Auth` header verifies ' +
      '(HMAC-SHA512 over `timestamp:rawBody`); otherwise the request only triggers a fetch from MSP. Answers `OK` ' +
      'after the change is committed, non-2xx when MSP should retry.',
  })
  @ApiQuery({ name: 'transactionid', description: 'The order_id', example: 'my-order-id-1' })
  @ApiQuery({ name: 'timestamp', required: false })
  @ApiQuery({ name: 'payload_type', required: false, example: 'pretransaction' })
  @ApiHeader({ name: 'Auth', required: false, description: 'base64("<ts>:" + hex(HMAC-SHA512(key, "<ts>:" + body)))' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'OK', schema: { type: 'string', example: 'OK' } })
  async post(@Req() req: RawRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.handle(req, reply);
  }

  @Get()
  @ApiOperation({ summary: "MultiSafepay's notification webhook (GET: a trigger to fetch the order)" })
  @ApiQuery({ name: 'transactionid', description: 'The order_id', example: 'my-order-id-1' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'OK', schema: { type: 'string', example: 'OK' } })
  async get(@Req() req: RawRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.handle(req, reply);
  }

  private async handle(req: RawRequest, reply: FastifyReply): Promise<string> {
    const query = Object.fromEntries(
      Object.entries((req.query ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : String(v)]),
    );
    const answer = await this.inbound.receive({
      method: req.method, query, headers: req.headers, rawBody: req.rawBody, sourceIp: req.ip,
    });
    void reply.status(answer.status).header('content-type', 'text/plain; charset=utf-8');
    return answer.text;
  }
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { MspSandboxError, mspError } from './msp-answer.js';

/** Every failure in MSP's envelope with MSP's codes, like the real API. */
@Catch()
export class MspErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Sandbox');

  catch(e: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    let status = 500;
    let body = mspError(9999, 'Unknown error');
    if (e instanceof MspSandboxError) {
      status = e.httpStatus;
      body = mspError(e.code, e.info);
    } else if (e instanceof HttpException) {
      status = e.getStatus();
      body = mspError(status === 404 ? 1000 : 1016, status === 404 ? 'Not found' : e.message);
    } else if (e && typeof e === 'object' && 'statusCode' in e && typeof e.statusCode === 'number' && e.statusCode < 500) {
      status = e.statusCode;
      body = mspError(1016, 'Invalid request data');
    } else {
      this.logger.error((e as Error)?.stack ?? String(e));
    }
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

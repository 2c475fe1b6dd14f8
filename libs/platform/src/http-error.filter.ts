import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { createLogger } from '@draftdesk/observability';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';

/** Every error answer has the same shape; unexpected errors get an id that points to the log line. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly log = createLogger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const payload = typeof body === 'string' ? { message: body } : body;
      res.status(exception.getStatus()).json({ statusCode: exception.getStatus(), ...payload });
      return;
    }
    const errorId = randomUUID();
    this.log.error({ err: exception, errorId }, 'unhandled error');
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, message: 'internal error', errorId });
  }
}

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
    // Errors raised by the body parser before any controller runs carry their own HTTP status (413, 400…).
    const status = (exception as { status?: number; type?: string })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ statusCode: status, message: (exception as Error).message });
      return;
    }
    const errorId = randomUUID();
    this.log.error({ err: exception, errorId }, 'unhandled error');
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, message: 'internal error', errorId });
  }
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { createLogger } from '@draftdesk/observability';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { FieldError } from './validation.exception';

/** What every error answer looks like, whichever app and layer raised it. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors: FieldError[];
  [extra: string]: unknown;
}

const codeOf = (status: number) => HttpStatus[status] ?? `HTTP_${status}`;

/** Nest's own exceptions, ours and body-parser errors all become one ErrorBody; extra fields (retryAfter…) stay. */
export function errorBody(status: number, response: string | object): ErrorBody {
  const {
    error: _error,
    statusCode: _status,
    code,
    message,
    errors,
    ...extra
  } = (typeof response === 'string' ? { message: response } : response) as Record<string, unknown>;
  return {
    ...extra,
    statusCode: status,
    code: typeof code === 'string' ? code : codeOf(status),
    message: Array.isArray(message)
      ? message.join('; ')
      : typeof message === 'string'
        ? message
        : codeOf(status).toLowerCase().replace(/_/g, ' '),
    errors: Array.isArray(errors) ? (errors as FieldError[]) : [],
  };
}

/** Every error answer has the same shape; unexpected errors get an id that points to the log line. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly log = createLogger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (exception instanceof HttpException) {
      res.status(exception.getStatus()).json(errorBody(exception.getStatus(), exception.getResponse()));
      return;
    }
    // Errors raised by the body parser before any controller runs carry their own HTTP status (413, 400…).
    const status = (exception as { status?: number; type?: string })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = (exception as Error).message;
      res
        .status(status)
        .json(errorBody(status, { message, errors: status === 400 ? [{ field: '(body)', message }] : [] }));
      return;
    }
    const errorId = randomUUID();
    this.log.error({ err: exception, errorId }, 'unhandled error');
    res
      .status(HttpStatus.INTERNAL_SERVER_ERROR)
      .json(errorBody(500, { code: 'INTERNAL_ERROR', message: 'internal error', errorId }));
  }
}

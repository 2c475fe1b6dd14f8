import { BadRequestException, HttpException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { errorBody } from './http-error.filter';
import { invalidRequest } from './validation.exception';

describe('errorBody: one shape for every error', () => {
  const of = (e: HttpException) => errorBody(e.getStatus(), e.getResponse());
  it.each([
    ['Nest default', new NotFoundException(), { statusCode: 404, code: 'NOT_FOUND', message: 'Not Found', errors: [] }],
    [
      'plain message',
      new NotFoundException('no conversation x'),
      { statusCode: 404, code: 'NOT_FOUND', message: 'no conversation x', errors: [] },
    ],
    [
      'own code',
      new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'sign in' }),
      { statusCode: 401, code: 'UNAUTHENTICATED', message: 'sign in', errors: [] },
    ],
    [
      'validation',
      invalidRequest([{ field: 'note', message: 'too long' }]),
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'invalid request: note too long',
        errors: [{ field: 'note', message: 'too long' }],
      },
    ],
    [
      'message list',
      new BadRequestException(['a', 'b']),
      { statusCode: 400, code: 'BAD_REQUEST', message: 'a; b', errors: [] },
    ],
    [
      'extra fields stay',
      new HttpException({ code: 'RATE_LIMITED', message: 'slow down', retryAfterSeconds: 3 }, 429),
      { statusCode: 429, code: 'RATE_LIMITED', message: 'slow down', errors: [], retryAfterSeconds: 3 },
    ],
  ])('%s', (_name, exception, expected) => {
    expect(of(exception)).toEqual(expected);
  });
});

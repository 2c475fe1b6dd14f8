import {
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';

export enum ChatIntakeErrorCode {
  ChannelNotFound = 'CHANNEL_NOT_FOUND',
  WrongChannelKind = 'CHANNEL_KIND_MISMATCH',
  SignatureMissing = 'SIGNATURE_MISSING',
  SignatureInvalid = 'SIGNATURE_INVALID',
  TimestampOutOfTolerance = 'TIMESTAMP_OUT_OF_TOLERANCE',
  WebhookIdReused = 'WEBHOOK_ID_REUSED',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  RateLimited = 'RATE_LIMITED',
  VerifyTokenMismatch = 'VERIFY_TOKEN_MISMATCH',
}

export const channelNotFound = (id: string) =>
  new NotFoundException({ code: ChatIntakeErrorCode.ChannelNotFound, message: `channel ${id} not found` });

export const wrongChannelKind = (id: string, kind: string) =>
  new NotFoundException({
    code: ChatIntakeErrorCode.WrongChannelKind,
    message: `channel ${id} is not a ${kind} channel`,
  });

export const unauthorized = (code: ChatIntakeErrorCode, message: string) =>
  new UnauthorizedException({ code, message });

export const webhookIdReused = (id: string) =>
  new ConflictException({
    code: ChatIntakeErrorCode.WebhookIdReused,
    message: `webhook id ${id} was already delivered with a different body`,
  });

export const payloadTooLarge = (limit: number) =>
  new HttpException(
    { code: ChatIntakeErrorCode.PayloadTooLarge, message: `body exceeds ${limit} bytes` },
    HttpStatus.PAYLOAD_TOO_LARGE,
  );

export class RateLimitedException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      { code: ChatIntakeErrorCode.RateLimited, message: 'too many requests for this channel', retryAfterSeconds },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

export const verifyTokenMismatch = () =>
  new ForbiddenException({ code: ChatIntakeErrorCode.VerifyTokenMismatch, message: 'verify token does not match' });

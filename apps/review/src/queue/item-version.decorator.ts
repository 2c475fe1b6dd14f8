import { StorableInputPipe, ZodBodyPipe } from '@draftdesk/platform';
import {
  applyDecorators,
  BadRequestException,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  HttpCode,
  Injectable,
  NestInterceptor,
  ParseUUIDPipe,
  PipeTransform,
  Post,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader, ApiParam } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import { z } from 'zod';
import { ApiZodBody } from '../api-body.util';
import type { Expected } from './actions.service';
import { etagOf, versionFromIfMatch } from './queue-filter.util';

/** An action on one item: its id, the validated body, and the version the caller saw. */
export interface VersionedItem<B> {
  id: string;
  body: B;
  /**
   * The version to check: If-Match when sent (stale → 412), else the body's `version` (stale → 409), else none.
   * Throws a 400 for an If-Match that is not an ETag of this API; a method, so that the handler's own checks (a
   * snooze into the past) answer first.
   */
  expected(): Expected;
}

interface Raw {
  id: unknown;
  body: unknown;
  ifMatch: string | undefined;
}

/** Checked in this order, so the first fault wins: the body (storable, then valid), then the id, then If-Match. */
class VersionedItemPipe<S extends z.ZodTypeAny> implements PipeTransform<Raw, Promise<VersionedItem<z.infer<S>>>> {
  private readonly body: ZodBodyPipe<S>;
  private readonly uuid = new ParseUUIDPipe();
  // A custom parameter escapes the app-wide storable-input check, so it is applied here to the body and the id.
  private readonly storable = new StorableInputPipe();

  constructor(schema: S) {
    this.body = new ZodBodyPipe(schema);
  }

  async transform(raw: Raw): Promise<VersionedItem<z.infer<S>>> {
    const body = this.body.transform(this.storable.transform(raw.body, { type: 'body' }));
    const id = this.storable.transform(raw.id, { type: 'param', data: 'id' }) as string;
    await this.uuid.transform(id, { type: 'param', data: 'id' });
    const version = (body as { version?: number }).version;
    return { id, body, expected: () => expectedVersion(raw.ifMatch, version) };
  }
}

export function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined): Expected {
  const fromHeader = versionFromIfMatch(ifMatch);
  if (Number.isNaN(fromHeader))
    throw new BadRequestException({ code: 'BAD_IF_MATCH', message: 'If-Match must be an ETag from this API' });
  return fromHeader !== undefined
    ? { version: fromHeader, viaIfMatch: true }
    : { version: bodyVersion, viaIfMatch: false };
}

const rawItem = createParamDecorator((_: unknown, ctx: ExecutionContext): Raw => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return { id: req.params.id, body: req.body, ifMatch: req.headers['if-match'] };
});

/**
 * The `:id` of the route, the body validated by `schema` (both documented) and the expected version, as one
 * parameter: `@ItemVersion(dto.rejectSchema) item: VersionedItem<dto.RejectDto>`.
 */
export const ItemVersion =
  <S extends z.ZodTypeAny>(schema: S): ParameterDecorator =>
  (target, key, index) => {
    rawItem(new VersionedItemPipe(schema))(target, key, index);
    const method = Object.getOwnPropertyDescriptor(target, key!)!;
    ApiParam({ name: 'id', type: String })(target, key!, method);
    ApiZodBody(schema)(target, key!, method);
  };

/** Answers with the ETag of the item's version the action returns. */
@Injectable()
class ItemEtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((value: { version: number }) => {
        res.setHeader('ETag', etagOf(value.version));
        return value;
      }),
    );
  }
}

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag of the item as seen; stale → 412' };

/** POST /:id/<action>: 200 with the item's new ETag; the version comes from If-Match or the body (ItemVersion). */
export const ItemAction = (action: string) =>
  applyDecorators(Post(`:id/${action}`), HttpCode(200), ApiHeader(IF_MATCH), UseInterceptors(ItemEtagInterceptor));

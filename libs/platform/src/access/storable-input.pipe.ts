import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { invalidRequest } from '../validation.exception';
import { findUnstorable } from './unstorable.util';

/**
 * Registered for every app: a body, query or path parameter holding text PostgreSQL cannot store is a 400 naming
 * the field, before any handler could turn it into a failed query and a 500 that senders would retry.
 */
@Injectable()
export class StorableInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    const found = findUnstorable(value, metadata.data ?? '');
    if (found.length > 0) throw invalidRequest(found, 'UNSTORABLE_INPUT');
    return value;
  }
}

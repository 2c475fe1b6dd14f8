import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { invalidRequest, zodFieldErrors } from './validation.exception';

/** Validates a request body against a zod schema; unknown fields are rejected and every bad field is named. */
export class ZodBodyPipe<S extends z.ZodTypeAny> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw invalidRequest(zodFieldErrors(result.error));
  }
}

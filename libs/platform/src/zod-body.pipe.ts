import { BadRequestException, PipeTransform } from '@nestjs/common';
import { z } from 'zod';

/** Validates a request body against a zod schema; unknown fields are rejected and every bad field is named. */
export class ZodBodyPipe<S extends z.ZodTypeAny> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const errors = result.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
    throw new BadRequestException({
      message: `invalid request: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
      errors,
    });
  }
}

import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';

/** One entry of `errors[]` in a 400: the dotted path of the field and what is wrong with it. */
export interface FieldError {
  field: string;
  message: string;
}

/** A dotted path; an empty key is written "" so that it still names something. */
export const fieldPath = (path: readonly PropertyKey[]) =>
  path.map((k) => (String(k) === '' ? '""' : String(k))).join('.') || '(body)';

/** Zod's issues as field errors; an unknown key is named itself rather than its parent object. */
export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => ({ field: fieldPath([...i.path, key]), message: 'is not a known field' }))
      : [{ field: fieldPath(i.path), message: i.message }],
  );
}

/** The 400 every validation answers with: each bad field named in the message and in `errors[]`. */
export function invalidRequest(errors: FieldError[], code = 'VALIDATION_FAILED'): BadRequestException {
  return new BadRequestException({
    code,
    message: `invalid request: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
    errors,
  });
}

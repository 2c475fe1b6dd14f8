import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';

/** Documents a zod-validated body in the OpenAPI description from the same schema that validates it. */
export const ApiZodBody = (schema: z.ZodTypeAny) =>
  ApiBody({ schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> });

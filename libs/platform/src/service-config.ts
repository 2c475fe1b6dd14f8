import { baseConfigShape, env } from '@draftdesk/config';
import { z } from 'zod';

/** Settings of every standalone service: the shared base plus its HTTP port. */
export function serviceConfigShape(defaultPort: number) {
  return { ...baseConfigShape, PORT: env.port().default(defaultPort) };
}

export type ServiceConfig = z.infer<z.ZodObject<ReturnType<typeof serviceConfigShape>>>;

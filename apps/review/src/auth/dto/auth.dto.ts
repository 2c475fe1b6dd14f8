import { z } from 'zod';

export const signInSchema = z
  .object({ email: z.string().trim().email().max(320), password: z.string().min(1).max(1000) })
  .strict();
export type SignInDto = z.infer<typeof signInSchema>;

export const createUserSchema = z
  .object({
    email: z.string().trim().email().max(320),
    name: z.string().trim().max(200).default(''),
    password: z.string().min(12, 'must be at least 12 characters').max(1000).optional(),
    role: z.enum(['agent', 'lead', 'admin']),
    locale: z.enum(['en', 'nl']).default('en'),
  })
  .strict();
export type CreateUserDto = z.infer<typeof createUserSchema>;

export const createTokenSchema = z.object({ name: z.string().trim().min(1).max(200) }).strict();
export type CreateTokenDto = z.infer<typeof createTokenSchema>;

export const changeRoleSchema = z.object({ role: z.enum(['agent', 'lead', 'admin']) }).strict();
export type ChangeRoleDto = z.infer<typeof changeRoleSchema>;

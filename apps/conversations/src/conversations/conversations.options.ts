import { serviceConfigShape } from '@draftdesk/platform';
import { z } from 'zod';

export const CONVERSATIONS_OPTIONS = Symbol('CONVERSATIONS_OPTIONS');

export interface ConversationsOptions {
  /** Bearer token of the read API; the review service's integration token, so one token reads drafts and threads. */
  apiToken?: string;
}

export const conversationsConfigShape = {
  REVIEW_API_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
};

/** The conversations service's settings. */
export const conversationsConfigSchema = z.object({ ...serviceConfigShape(3001), ...conversationsConfigShape });

export function conversationsOptionsFromConfig(
  config: z.infer<z.ZodObject<typeof conversationsConfigShape>>,
): ConversationsOptions {
  return { apiToken: config.REVIEW_API_TOKEN };
}

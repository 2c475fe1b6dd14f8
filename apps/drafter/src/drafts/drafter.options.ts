import { env } from '@draftdesk/config';
import { z } from 'zod';

export const drafterConfigShape = {
  /** Folder with the shop's profile, policy, knowledge base and orders (see samples/shop). */
  SHOP_DIR: z.string().optional(),
  /** Domain of the Message-IDs our replies carry; also how our own mail is recognised when it loops back. */
  MESSAGE_ID_DOMAIN: z.string().regex(/^[a-z0-9.-]+$/i, 'must be a domain name').default('draftdesk.local'),
  DRAFTER_TIMEOUT_MS: env.int().default(30_000),
};

export interface DrafterOptions {
  shopDir?: string;
  messageIdDomain: string;
}

export const DRAFTER_OPTIONS = Symbol('DRAFTER_OPTIONS');

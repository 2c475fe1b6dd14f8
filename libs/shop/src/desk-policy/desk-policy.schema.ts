import { INTENTS } from '@draftdesk/contracts';
import { policySchema, type ShopPolicy } from '../shop-policy.schema';

/**
 * The review desk files every draft under this shop (one desk per suite today), so the policy the desk keeps for it
 * is the one the drafter reads.
 */
export const DESK_SHOP_ID = 'default';

const KNOWN_INTENTS = new Set(INTENTS);

/**
 * A policy as the settings page saves it: the schema of policy.yaml, with the intents `draftdesk shop check` knows,
 * and without the canary, which stays in policy.yaml beside the prompt that carries it.
 */
export const deskPolicySchema = policySchema.superRefine((policy, ctx) => {
  policy.autoSend.intents.forEach((intent, i) => {
    if (!KNOWN_INTENTS.has(intent))
      ctx.addIssue({ code: 'custom', path: ['autoSend', 'intents', i], message: `unknown intent "${intent}"` });
  });
  const min = policy.autoSend.minConfidence;
  if (typeof min === 'object') {
    for (const intent of Object.keys(min)) {
      if (intent !== 'default' && !KNOWN_INTENTS.has(intent))
        ctx.addIssue({ code: 'custom', path: ['autoSend', 'minConfidence', intent], message: 'is not a known intent' });
    }
  }
  if (policy.canary !== undefined)
    ctx.addIssue({ code: 'custom', path: ['canary'], message: 'is kept in policy.yaml only' });
});

/** The policy in force: the desk's saved one when there is one (with the file's canary), else the file's. */
export function effectivePolicy(file: ShopPolicy, stored: ShopPolicy | null): ShopPolicy {
  if (!stored) return file;
  const { canary: _canary, ...desk } = stored;
  return file.canary ? { ...desk, canary: file.canary } : desk;
}

import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export interface ShopPolicy {
  autoSend: { enabled: boolean; intents: string[]; minConfidence: Record<string, number> | number };
  limits: { maxRefundAmount: number; maxDiscountPercent: number; currency: string };
  /** Triage reasons/flags that hand a conversation to a person, e.g. legal_threat, chargeback, very_negative. */
  escalateOn: string[];
  /** days: ISO weekday numbers, 1 = Monday … 7 = Sunday (0 is accepted as Sunday too). */
  businessHours?: { timezone: string; days: number[]; start: string; end: string };
  canary?: string;
}

export const DEFAULT_ESCALATE_ON: readonly string[] = [
  'legal_threat',
  'chargeback',
  'press',
  'safety',
  'repeated_contact',
  'very_negative',
];

// Conservative on purpose: a shop has to opt in before anything leaves without a human.
export const DEFAULT_POLICY: ShopPolicy = Object.freeze({
  autoSend: { enabled: false, intents: [], minConfidence: 0.9 },
  limits: { maxRefundAmount: 0, maxDiscountPercent: 0, currency: 'EUR' },
  escalateOn: [...DEFAULT_ESCALATE_ON],
}) as ShopPolicy;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24h)');
const probability = z.number().min(0).max(1);

const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'unknown IANA time zone');

export const policySchema = z
  .object({
    autoSend: z
      .object({
        enabled: z.boolean().default(false),
        intents: z.array(z.string().min(1)).default([]),
        minConfidence: z.union([probability, z.record(z.string(), probability)]).default(0.9),
      })
      .strict()
      .default({ enabled: false, intents: [], minConfidence: 0.9 }),
    limits: z
      .object({
        maxRefundAmount: z.number().min(0).default(0),
        maxDiscountPercent: z.number().min(0).max(100).default(0),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR')
          .default('EUR'),
      })
      .strict()
      .default({ maxRefundAmount: 0, maxDiscountPercent: 0, currency: 'EUR' }),
    escalateOn: z.array(z.string().min(1)).default([...DEFAULT_ESCALATE_ON]),
    businessHours: z
      .object({
        timezone,
        days: z.array(z.number().int().min(0).max(7)).min(1),
        start: clock,
        end: clock,
      })
      .strict()
      .refine((h) => h.start < h.end, { message: 'start must be before end', path: ['end'] })
      .optional(),
    canary: z.string().min(8, 'a canary shorter than 8 characters would match ordinary text').optional(),
  })
  .strict();

const DEFAULT_MIN_CONFIDENCE = 0.9;

/** Whether the policy lets a draft of this intent leave without a person, and the triage confidence it needs. */
export function autoSendFor(policy: ShopPolicy, intent: string): { enabled: boolean; minConfidence: number } {
  const min = policy.autoSend.minConfidence;
  return {
    enabled: policy.autoSend.enabled && policy.autoSend.intents.includes(intent),
    minConfidence: typeof min === 'number' ? min : (min[intent] ?? min['default'] ?? DEFAULT_MIN_CONFIDENCE),
  };
}

export class PolicyError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'PolicyError';
  }
}

/** Parses and validates a shop's policy.yaml; missing sections take the safe defaults. */
export function parsePolicy(yamlText: string): ShopPolicy {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new PolicyError(`policy: invalid YAML: ${(error as Error).message}`, '');
  }
  const result = policySchema.safeParse(raw ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.map(String).join('.') || '(root)';
    throw new PolicyError(`policy: invalid field "${field}": ${issue.message}`, field);
  }
  return result.data as ShopPolicy;
}

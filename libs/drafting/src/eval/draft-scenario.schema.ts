import { z } from 'zod';

const RELATIVE_DATE = /^today([+-]\d+)?$/;
/** "today", "today-20", "today+2" (days), resolved on the day of the run so scenarios never go stale. */
export const relativeDate = z.string().regex(RELATIVE_DATE, 'expected today, today-N or today+N');

const message = z.object({ direction: z.enum(['inbound', 'outbound']), text: z.string().min(1) }).strict();

export const scenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'expected a kebab-case id'),
    channel: z.enum(['email', 'chat']).default('email'),
    from: z.object({ address: z.string().email(), name: z.string().optional() }).strict(),
    subject: z.string().optional(),
    text: z.string().min(1),
    /** Earlier messages; an outbound text of "@draft" is the draft the pipeline wrote for the inbound before it. */
    thread: z.array(message).default([]),
    /** An order that exists only for this scenario; its dates are relative to the day of the run. */
    order: z
      .object({
        orderNumber: z.string().min(1),
        status: z.enum(['pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded']),
        placedAt: relativeDate,
        expectedDelivery: relativeDate.optional(),
        carrier: z.string().optional(),
        total: z.number().nonnegative(),
        item: z.string().min(1),
      })
      .strict()
      .optional(),
    expect: z
      .object({
        language: z.string().min(2).optional(),
        register: z.enum(['formal', 'informal']).optional(),
        intent: z.array(z.string()).optional(),
        decision: z.array(z.enum(['auto_send', 'review', 'escalate', 'ignore'])).optional(),
        reasons: z.array(z.string()).optional(),
        facts: z.array(z.string()).optional(),
        forbidden: z.array(z.string()).optional(),
        maxLength: z.number().int().positive().optional(),
        noRepeat: z.boolean().optional(),
        sameLanguageLinks: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();

export const scenarioFileSchema = z
  .object({
    family: z.string().regex(/^[a-z0-9-]+$/),
    /** The shop folder, relative to this file. */
    shop: z.string().min(1),
    scenarios: z.array(scenarioSchema).min(1),
  })
  .strict();

export type DraftScenario = z.infer<typeof scenarioSchema>;
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

export function resolveRelativeDate(value: string, today: Date): string {
  const offset = Number(RELATIVE_DATE.exec(value)?.[1] ?? 0);
  return new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

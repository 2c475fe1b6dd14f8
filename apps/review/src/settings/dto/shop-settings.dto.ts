import { z } from 'zod';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24h)');

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Opening and closing time of one day; a closed day is left out. */
const openHours = z
  .tuple([clock, clock])
  .refine(([open, close]) => open < close, { message: 'opening time must be before closing time' });

const days = z
  .object(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, openHours.optional()])))
  .strict()
  // With no open day, no reply would ever be due: the SLA clock would never run.
  .refine((d) => Object.values(d).some(Boolean), { message: 'at least one day must be open' });

export const businessHoursSchema = z
  .object({
    timezone: z.string().refine(isTimeZone, 'expected an IANA time zone such as Europe/Amsterdam'),
    days,
  })
  .strict();

/** Minutes of business time; at most 30 days of them. */
const minutes = z.number().int().min(1).max(43_200);
const perPriority = z.object({ urgent: minutes, high: minutes, normal: minutes, low: minutes }).strict();

export const slaSchema = z.object({ firstResponse: perPriority, nextResponse: perPriority }).strict();

export const updateShopSettingsSchema = z
  .object({
    /** Null: the desk's configured default. */
    sendDelaySeconds: z.number().int().min(0).max(600).nullable().optional(),
    businessHours: businessHoursSchema.optional(),
    sla: slaSchema.optional(),
  })
  .strict()
  .refine((v) => v.sendDelaySeconds !== undefined || v.businessHours || v.sla, {
    message: 'give at least one of sendDelaySeconds, businessHours and sla',
  });
export type UpdateShopSettingsDto = z.infer<typeof updateShopSettingsSchema>;

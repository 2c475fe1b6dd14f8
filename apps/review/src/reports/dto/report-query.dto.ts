import { z } from 'zod';

/** The longest range a report covers: a year, leap day included. */
export const MAX_REPORT_DAYS = 366;

const DAY_MS = 86_400_000;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD naming a day the calendar has (not 2026-02-30); one message per bad value. */
const isoDay = z
  .string()
  .regex(DAY_PATTERN, 'expected a date as YYYY-MM-DD')
  .refine(
    (d) => {
      if (!DAY_PATTERN.test(d)) return true;
      const time = Date.parse(`${d}T00:00:00Z`);
      return !Number.isNaN(time) && new Date(time).toISOString().startsWith(d);
    },
    { message: 'is not a calendar date' },
  );

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD[&format=csv]`: both days included, in the shop's time zone. */
export const reportQuerySchema = z
  .object({
    from: isoDay,
    to: isoDay,
    format: z.enum(['json', 'csv']).default('json'),
    // The shop a lead acts in travels as ?shop= like everywhere on the desk (read by the guard).
    shop: z.string().optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const days = (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (days > MAX_REPORT_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${MAX_REPORT_DAYS} days after from` });
  });

export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** Every day of the range, as YYYY-MM-DD. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

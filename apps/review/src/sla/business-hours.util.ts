/** A shop's opening hours: local times per ISO weekday (1 = Monday … 7 = Sunday) in one IANA time zone. */
export interface BusinessHours {
  timezone: string;
  days: Partial<Record<string, [string, string]>>;
}

export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type ResponseKind = 'first' | 'next';

export interface SlaPolicy {
  firstResponse: Record<Priority, number>;
  nextResponse: Record<Priority, number>;
}

const MINUTE = 60_000;

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than formatting with it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timezone: string): Intl.DateTimeFormat {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timezone, format);
  }
  return format;
}

/** Offset of `timezone` from UTC at `instant`, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(instant: number, timezone: string): number {
  const parts = wallClockFormat(timezone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of a wall-clock time in `timezone`; a time skipped by a DST jump lands just after the jump. */
export function zonedInstant(year: number, month: number, day: number, minutes: number, timezone: string): number {
  const naive = Date.UTC(year, month - 1, day) + minutes * MINUTE;
  const first = naive - zoneOffsetMs(naive, timezone);
  // Twice, because the offset at the guess can differ from the offset at the answer around a DST change.
  return naive - zoneOffsetMs(first, timezone);
}

function parseClock(hhmm: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new Error(`invalid time of day: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The shop's open interval (UTC ms) on the local calendar day that contains `instant`, or null when closed. */
function openInterval(localDayUtcMidnight: number, hours: BusinessHours): [number, number] | null {
  const d = new Date(localDayUtcMidnight);
  const isoWeekday = ((d.getUTCDay() + 6) % 7) + 1;
  const span = hours.days[String(isoWeekday)];
  if (!span) return null;
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const open = zonedInstant(y, m, day, parseClock(span[0]), hours.timezone);
  const close = zonedInstant(y, m, day, parseClock(span[1]), hours.timezone);
  return close > open ? [open, close] : null;
}

/**
 * Adds `minutes` of business time to `start`: the clock only runs while the shop is open, so a message that
 * arrives on Friday evening is due on Monday morning plus the allowance.
 */
export function addBusinessMinutes(start: Date, minutes: number, hours: BusinessHours): Date {
  if (!Object.values(hours.days).some(Boolean)) throw new Error('business hours have no open day');
  let remaining = minutes * MINUTE;
  const t0 = start.getTime();
  // Walk local calendar days from the start's local date; a year is a generous bound for any allowance.
  const local = new Date(t0 + zoneOffsetMs(t0, hours.timezone));
  let dayMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  for (let i = 0; i < 400; i++, dayMidnight += 24 * 60 * MINUTE) {
    const interval = openInterval(dayMidnight, hours);
    if (!interval) continue;
    const from = Math.max(interval[0], t0);
    if (from >= interval[1]) continue;
    const available = interval[1] - from;
    if (remaining <= available) return new Date(from + remaining);
    remaining -= available;
  }
  throw new Error('SLA allowance does not fit in a year of business hours');
}

/** When a reply is due: first response or next response, by priority, in the shop's business time. */
export function dueAt(
  receivedAt: Date,
  priority: Priority,
  kind: ResponseKind,
  policy: SlaPolicy,
  hours: BusinessHours,
): Date {
  const table = kind === 'first' ? policy.firstResponse : policy.nextResponse;
  return addBusinessMinutes(receivedAt, table[priority] ?? table.normal, hours);
}

/** Triage urgency maps one to one onto queue priority; anything unknown is normal. */
export function priorityFromUrgency(urgency: unknown): Priority {
  return urgency === 'low' || urgency === 'high' || urgency === 'urgent' ? urgency : 'normal';
}

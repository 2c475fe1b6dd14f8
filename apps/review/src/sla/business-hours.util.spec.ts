import {
  addBusinessMinutes,
  BusinessHours,
  dueAt,
  priorityFromUrgency,
  SlaPolicy,
  zonedInstant,
  zoneOffsetMs,
} from './business-hours.util';

const weekdays: BusinessHours = {
  timezone: 'Europe/Amsterdam',
  days: {
    '1': ['09:00', '17:00'],
    '2': ['09:00', '17:00'],
    '3': ['09:00', '17:00'],
    '4': ['09:00', '17:00'],
    '5': ['09:00', '17:00'],
  },
};
const policy: SlaPolicy = {
  firstResponse: { urgent: 60, high: 240, normal: 480, low: 960 },
  nextResponse: { urgent: 120, high: 480, normal: 960, low: 1440 },
};

describe('addBusinessMinutes', () => {
  it.each([
    // [what, start (UTC), minutes, expected (UTC)]
    ['within one open day (CET, UTC+1)', '2025-01-15T09:00:00Z', 60, '2025-01-15T10:00:00Z'],
    ['before opening waits for 09:00 local', '2025-01-15T05:00:00Z', 30, '2025-01-15T08:30:00Z'],
    ['carries over to the next morning', '2025-01-15T15:30:00Z', 60, '2025-01-16T08:30:00Z'],
    ['Friday evening is due on Monday', '2025-01-17T18:00:00Z', 120, '2025-01-20T10:00:00Z'],
    ['Saturday counts from Monday opening', '2025-01-18T12:00:00Z', 480, '2025-01-20T16:00:00Z'],
    ['summer time (CEST, UTC+2)', '2025-07-02T07:00:00Z', 60, '2025-07-02T08:00:00Z'],
    ['across the spring DST change', '2025-03-28T15:30:00Z', 60, '2025-03-31T07:30:00Z'],
    ['a whole day of allowance spans two days', '2025-01-15T12:00:00Z', 480, '2025-01-16T12:00:00Z'],
  ])('%s', (_what, start, minutes, expected) => {
    expect(addBusinessMinutes(new Date(start), minutes, weekdays).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('refuses hours with no open day', () => {
    expect(() => addBusinessMinutes(new Date(), 10, { timezone: 'UTC', days: {} })).toThrow(/no open day/);
  });

  it('works in other zones', () => {
    const ny: BusinessHours = { timezone: 'America/New_York', days: { '3': ['08:00', '12:00'] } };
    expect(addBusinessMinutes(new Date('2025-01-15T12:00:00Z'), 30, ny).toISOString()).toBe('2025-01-15T13:30:00.000Z');
  });
});

describe('dueAt', () => {
  it.each([
    ['urgent', 'first', '2025-01-15T09:00:00.000Z'],
    ['urgent', 'next', '2025-01-15T10:00:00.000Z'],
    ['high', 'first', '2025-01-15T12:00:00.000Z'],
    ['low', 'first', '2025-01-16T16:00:00.000Z'],
  ] as const)('%s priority, %s response', (priority, kind, expected) => {
    expect(dueAt(new Date('2025-01-15T08:00:00Z'), priority, kind, policy, weekdays).toISOString()).toBe(expected);
  });
});

describe('zonedInstant and priorityFromUrgency', () => {
  it('converts wall-clock times in winter and summer', () => {
    expect(new Date(zonedInstant(2025, 1, 15, 9 * 60, 'Europe/Amsterdam')).toISOString()).toBe(
      '2025-01-15T08:00:00.000Z',
    );
    expect(new Date(zonedInstant(2025, 7, 15, 9 * 60, 'Europe/Amsterdam')).toISOString()).toBe(
      '2025-07-15T07:00:00.000Z',
    );
  });
  it.each([
    ['urgent', 'urgent'],
    ['low', 'low'],
    ['high', 'high'],
    ['normal', 'normal'],
    [undefined, 'normal'],
    ['weird', 'normal'],
  ])('%s → %s', (urgency, expected) => expect(priorityFromUrgency(urgency)).toBe(expected));
});

describe('zoneOffsetMs', () => {
  const HOUR = 3_600_000;
  // Zones interleaved, some asked twice, around DST changes: a reused formatter answers as a new one would.
  it.each([
    ['Europe/Amsterdam', '2025-01-15T12:00:00Z', 1],
    ['America/New_York', '2025-01-15T12:00:00Z', -5],
    ['Europe/Amsterdam', '2025-03-30T00:59:59Z', 1],
    ['Europe/Amsterdam', '2025-03-30T01:00:00Z', 2],
    ['Asia/Kolkata', '2025-07-01T00:00:00Z', 5.5],
    ['America/New_York', '2025-07-01T00:00:00Z', -4],
    ['Australia/Sydney', '2025-01-15T12:00:00Z', 11],
    ['Australia/Sydney', '2025-07-15T12:00:00Z', 10],
    ['UTC', '2025-07-15T12:00:00.999Z', 0],
    ['Europe/Amsterdam', '2025-10-26T00:59:59Z', 2],
    ['Europe/Amsterdam', '2025-10-26T01:00:00Z', 1],
  ])('%s at %s is UTC%s', (zone, at, hours) => {
    expect(zoneOffsetMs(Date.parse(at), zone)).toBe(hours * HOUR);
  });

  it('refuses an unknown zone every time it is asked', () => {
    expect(() => zoneOffsetMs(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => zoneOffsetMs(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

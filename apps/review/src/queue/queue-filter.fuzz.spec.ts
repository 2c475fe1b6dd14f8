import { findUnstorable } from '@draftdesk/platform';
import fc from 'fast-check';
import { expectNamedRejection, FUZZ_RUNS, nastyText } from '../../../../test/support/fuzz';
import { parseQueueFilter, queueWhere } from './queue-filter.util';

const KEYS = [
  'status',
  'intent',
  'language',
  'priority',
  'channel',
  'mailbox',
  'assignee',
  'escalated',
  'breached',
  'dueBefore',
  'includeSnoozed',
  'limit',
  'offset',
  'shop',
];

// Plausible values for each parameter beside hostile ones; Express gives an array for a repeated parameter.
const plausible = fc.constantFrom(
  'pending',
  'approved',
  'urgent',
  'email',
  'chat',
  'me',
  'none',
  'true',
  'false',
  '0',
  '50',
  '200',
  '201',
  '-1',
  '1e3',
  'track_order',
  'nl',
  'support@shop.test',
  '7d1f5a52-5b7e-4c4b-9d62-0c1e6f0f6f10',
  '2025-01-16T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+15:59',
  '9999-12-31T23:59:59-05:00',
  '2025-02-30T00:00:00Z',
);
const value = fc.oneof(
  { weight: 6, arbitrary: plausible },
  { weight: 2, arbitrary: nastyText },
  { weight: 1, arbitrary: fc.array(plausible, { minLength: 2, maxLength: 3 }) },
);
const key = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: nastyText });
const query = fc.dictionary(key, value, { maxKeys: 5 });

describe('review queue filters under fuzzing', () => {
  it(`takes ${FUZZ_RUNS} query strings: each becomes a WHERE clause PostgreSQL accepts, or a 400 naming the parameter`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(query, (q) => {
        const parsed = parseQueueFilter(q);
        if (!parsed.ok) return expectNamedRejection(q, parsed.errors);
        accepted++;
        const where = queueWhere('shop', 'user', parsed.filter);
        expect(where.sql.startsWith('shop_id = $1')).toBe(true);
        expect(findUnstorable(where.params)).toEqual([]);
        const { dueBefore, limit, offset } = parsed.filter;
        if (dueBefore) {
          // PostgreSQL's timestamptz refuses year 0 and impossible dates.
          const year = new Date(dueBefore).getUTCFullYear();
          expect(year >= 1 && year <= 9999).toBe(true);
        }
        expect(Number.isSafeInteger(limit) && limit >= 1 && limit <= 200).toBe(true);
        expect(Number.isSafeInteger(offset) && offset >= 0).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
    process.stdout.write(
      `queue filter fuzz: ${FUZZ_RUNS} cases, ${accepted} accepted, ${FUZZ_RUNS - accepted} refused\n`,
    );
    expect(accepted).toBeGreaterThan(FUZZ_RUNS / 20);
  });
});

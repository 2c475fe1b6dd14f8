import { parseEvent, Topics } from '@draftdesk/contracts';
import { pipelineTimings } from './drafts-watch';
import { batches, CUSTOMERS, inboundEvent, workloadItem } from './workload';

describe('bench workload', () => {
  it('produces valid inbound events with distinct message ids, keyed by the customer', () => {
    const at = new Date('2026-01-01T10:00:00.000Z');
    const events = Array.from({ length: 60 }, (_, i) => inboundEvent('r1', i, at));
    for (const e of events) {
      const parsed = parseEvent(Topics.inbound, JSON.stringify(e));
      expect(parsed.key).toBe(parsed.payload.from.address);
      expect(parsed.payload.receivedAt).toBe(at.toISOString());
    }
    expect(new Set(events.map((e) => e.payload.externalMessageId)).size).toBe(60);
  });

  it('mixes Dutch and English order-status, refund and invoice questions', () => {
    const items = Array.from({ length: 12 }, (_, i) => workloadItem('r1', i));
    expect(new Set(items.map((x) => x.language))).toEqual(new Set(['nl', 'en']));
    expect(new Set(items.map((x) => x.topic))).toEqual(new Set(['order-status', 'refund', 'invoice']));
  });

  it('is the same message for the same (run, i) and cycles through the customers', () => {
    expect(workloadItem('r1', 7)).toEqual(workloadItem('r1', 7));
    expect(workloadItem('r1', 3).customer).toBe(workloadItem('r1', 3 + CUSTOMERS).customer);
    expect(workloadItem('r1', 3).customer).not.toBe(workloadItem('r2', 3).customer);
  });

  it.each([
    {
      n: 10,
      size: 4,
      expected: [
        [0, 4],
        [4, 8],
        [8, 10],
      ],
    },
    { n: 4, size: 4, expected: [[0, 4]] },
    { n: 0, size: 4, expected: [] },
  ])('batches($n, $size)', ({ n, size, expected }) => {
    expect(batches(n, size)).toEqual(expected);
  });
});

describe('pipelineTimings', () => {
  it('measures each draft against its own push and the span from first push to last draft', () => {
    const pushed = new Map([
      ['a', 1_000],
      ['b', 1_000],
      ['c', 2_000],
      ['unfinished', 2_000],
    ]);
    const drafted = [
      { externalMessageId: 'a', draftedMs: 1_100 },
      { externalMessageId: 'c', draftedMs: 2_500 },
      { externalMessageId: 'b', draftedMs: 1_300 },
      { externalMessageId: 'from-another-run', draftedMs: 9_999 },
    ];
    const t = pipelineTimings(pushed, drafted);
    expect(t.matched).toBe(3);
    expect(t.spanMs).toBe(1_500);
    expect(t.latency).toMatchObject({ count: 3, p50: 300, max: 500 });
  });
});

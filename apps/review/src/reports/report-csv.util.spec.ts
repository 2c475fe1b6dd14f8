import { reportCsv } from './report-csv.util';
import type { IntentFigures, Report } from './reports.service';

const figures = (intent: string | null, over: Partial<IntentFigures> = {}): IntentFigures => ({
  intent,
  volume: 2,
  autoSent: 1,
  approved: 1,
  approvedUnchanged: 1,
  rejected: 0,
  autoSendRate: 0.5,
  approvedUnchangedRate: 1,
  editDistance: 0,
  firstResponse: { count: 1, p50: 60, p90: 60 },
  resolution: { p50: 30, p90: 30 },
  sla: { due: 2, met: 2, attainment: 1 },
  topRejectReason: null,
  policy: intent ? { enabled: true, minConfidence: 0.85 } : null,
  ...over,
});

const report = (over: Partial<Report> = {}): Report => ({
  from: '2026-11-02',
  to: '2026-11-03',
  days: ['2026-11-02', '2026-11-03'],
  volume: { byChannel: { email: [2, 0] }, byIntent: { track_order: [2, 0] } },
  totals: figures(null),
  intents: [figures('track_order')],
  rejectReasons: [],
  agents: [],
  autoSendEnabled: true,
  ...over,
});

const tables = (csv: string) =>
  csv
    .trimEnd()
    .split('\r\n\r\n')
    .map((t) => t.split('\r\n'));

describe('reportCsv', () => {
  it('writes each table with its name and header, days in rows, and empty cells for nothing measured', () => {
    const [intents, byChannel, byIntent, reasons, agents] = tables(
      reportCsv(
        report({
          intents: [
            figures('track_order'),
            figures('complaint', { autoSendRate: null, policy: { enabled: false, minConfidence: 0.9 } }),
          ],
        }),
      ),
    );
    expect(intents[0]).toBe('per_intent');
    expect(intents.slice(2)).toEqual([
      'track_order,2,1,1,1,0,0.5,1,0,1,60,60,30,30,2,2,1,,true,0.85',
      'complaint,2,1,1,1,0,,1,0,1,60,60,30,30,2,2,1,,false,0.9',
      'all,2,1,1,1,0,0.5,1,0,1,60,60,30,30,2,2,1,,,',
    ]);
    expect(byChannel).toEqual(['volume_per_day_by_channel', 'day,email', '2026-11-02,2', '2026-11-03,0']);
    expect(byIntent).toEqual(['volume_per_day_by_intent', 'day,track_order', '2026-11-02,2', '2026-11-03,0']);
    expect(reasons).toEqual(['reject_reasons', 'reason,count']);
    expect(agents[1]).toBe('email,name,decisions,approved,approved_unchanged,median_handling_seconds');
  });

  it('quotes what needs quoting and keeps a name from running as a spreadsheet formula', () => {
    const agent = { email: 'x@shop.test', decisions: 1, approved: 1, approvedUnchanged: 0, medianHandlingSeconds: 5 };
    const [, , , , agents] = tables(
      reportCsv(
        report({
          agents: [
            { ...agent, name: 'de Vries, "Sanne"' },
            { ...agent, name: '=HYPERLINK("http://evil.test")' },
            { ...agent, name: '@SUM(A1)' },
          ],
        }),
      ),
    );
    expect(agents.slice(2)).toEqual([
      'x@shop.test,"de Vries, ""Sanne""",1,1,0,5',
      `x@shop.test,"'=HYPERLINK(""http://evil.test"")",1,1,0,5`,
      "x@shop.test,'@SUM(A1),1,1,0,5",
    ]);
  });
});

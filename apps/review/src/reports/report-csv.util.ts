import type { IntentFigures, Report } from './reports.service';

type Cell = string | number | boolean | null;

/**
 * A cell as RFC 4180 writes it. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe: names and reasons come from people.
 */
function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function table(name: string, header: string[], rows: Cell[][]): string {
  return [[name], header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n');
}

const INTENT_HEADER = [
  'intent',
  'volume',
  'auto_sent',
  'approved',
  'approved_unchanged',
  'rejected',
  'auto_send_rate',
  'approved_unchanged_rate',
  'edit_distance',
  'first_responses',
  'first_response_p50_seconds',
  'first_response_p90_seconds',
  'resolution_p50_seconds',
  'resolution_p90_seconds',
  'sla_due',
  'sla_met',
  'sla_attainment',
  'top_reject_reason',
  'policy_auto_send',
  'policy_min_confidence',
];

function intentRow(f: IntentFigures): Cell[] {
  return [
    f.intent ?? 'all',
    f.volume,
    f.autoSent,
    f.approved,
    f.approvedUnchanged,
    f.rejected,
    f.autoSendRate,
    f.approvedUnchangedRate,
    f.editDistance,
    f.firstResponse.count,
    f.firstResponse.p50,
    f.firstResponse.p90,
    f.resolution.p50,
    f.resolution.p90,
    f.sla.due,
    f.sla.met,
    f.sla.attainment,
    f.topRejectReason,
    f.policy?.enabled ?? null,
    f.policy?.minConfidence ?? null,
  ];
}

function perDay(days: string[], series: Record<string, number[]>): { header: string[]; rows: Cell[][] } {
  const keys = Object.keys(series).sort();
  return { header: ['day', ...keys], rows: days.map((d, i) => [d, ...keys.map((k) => series[k][i])]) };
}

/**
 * The report's tables in one CSV file: each table starts with a line holding its name, then its header row, and
 * ends with an empty line. Rates are fractions (0.25), times whole seconds; an empty cell has nothing to measure.
 */
export function reportCsv(report: Report): string {
  const byChannel = perDay(report.days, report.volume.byChannel);
  const byIntent = perDay(report.days, report.volume.byIntent);
  return (
    [
      table('per_intent', INTENT_HEADER, [...report.intents.map(intentRow), intentRow(report.totals)]),
      table('volume_per_day_by_channel', byChannel.header, byChannel.rows),
      table('volume_per_day_by_intent', byIntent.header, byIntent.rows),
      table(
        'reject_reasons',
        ['reason', 'count'],
        report.rejectReasons.map((r) => [r.reason, r.count]),
      ),
      table(
        'per_agent',
        ['email', 'name', 'decisions', 'approved', 'approved_unchanged', 'median_handling_seconds'],
        report.agents.map((a) => [
          a.email,
          a.name,
          a.decisions,
          a.approved,
          a.approvedUnchanged,
          a.medianHandlingSeconds,
        ]),
      ),
    ].join('\r\n\r\n') + '\r\n'
  );
}

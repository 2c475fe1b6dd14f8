import pino, { DestinationStream } from 'pino';

/** One log line as a person reads it on a terminal: level, where it came from, what happened. */
export function terminalLine(json: string): string {
  let entry: { level?: number; context?: string; msg?: string; err?: { message?: string } };
  try {
    entry = JSON.parse(json);
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const level = pino.levels.labels[entry.level ?? 30] ?? 'log';
  const from = entry.context ? `${entry.context}: ` : '';
  const cause = entry.err?.message && entry.err.message !== entry.msg ? ` (${entry.err.message})` : '';
  return `${level} ${from}${entry.msg ?? ''}${cause}`.replace(/\s+/g, ' ').trim() + '\n';
}

/**
 * Every line, as JSON, appended to `file` (its folder made when missing); warnings and errors also reach the terminal,
 * one short line each, so a failure is never silent while the terminal stays readable.
 */
export function fileLogDestination(file: string, terminal: NodeJS.WritableStream = process.stderr): DestinationStream {
  return pino.multistream([
    { level: 'trace', stream: pino.destination({ dest: file, mkdir: true, sync: true }) },
    { level: 'warn', stream: { write: (line: string) => terminal.write(terminalLine(line)) } },
  ]);
}

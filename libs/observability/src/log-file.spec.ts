import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { fileLogDestination, terminalLine } from './log-file';

describe('terminalLine', () => {
  it.each([
    [
      'a warning with its context',
      { level: 40, context: 'MailParsePool', msg: 'parsed on the main thread' },
      'warn MailParsePool: parsed on the main thread\n',
    ],
    [
      'an error with its cause',
      { level: 50, context: 'OutboxRelay', msg: 'publish failed', err: { message: 'connect ECONNREFUSED' } },
      'error OutboxRelay: publish failed (connect ECONNREFUSED)\n',
    ],
    ['a cause that is the message', { level: 50, msg: 'boom', err: { message: 'boom' } }, 'error boom\n'],
    ['a message over several lines, kept on one', { level: 60, msg: 'first\n  second' }, 'fatal first second\n'],
  ])('%s', (_name, entry, expected) => {
    expect(terminalLine(JSON.stringify(entry))).toBe(expected);
  });

  it('passes a line that is not JSON through as it is', () => {
    expect(terminalLine('plain text')).toBe('plain text\n');
  });
});

describe('fileLogDestination', () => {
  const dir = mkdtempSync(join(tmpdir(), 'draftdesk-logs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every line as JSON to the file (making its folder) and only warnings and errors to the terminal', () => {
    const file = join(dir, 'logs', 'draftdesk.log');
    const terminal = new PassThrough();
    const log = pino({ level: 'info' }, fileLogDestination(file, terminal));
    log.info({ context: 'bootstrap' }, 'draftdesk is up');
    log.warn({ context: 'MailParsePool' }, 'no compiled parse worker');
    log.error({ context: 'OutboxRelay', err: new Error('ECONNREFUSED') }, 'publish failed');

    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.msg)).toEqual(['draftdesk is up', 'no compiled parse worker', 'publish failed']);
    expect(String(terminal.read())).toBe(
      'warn MailParsePool: no compiled parse worker\nerror OutboxRelay: publish failed (ECONNREFUSED)\n',
    );
  });
});

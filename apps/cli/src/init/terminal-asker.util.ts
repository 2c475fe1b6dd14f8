import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import type { Asker } from './init-answers.util';

/** Questions on the terminal; a secret's typing is not echoed. Ctrl-C ends the command without writing anything. */
export function terminalAsker(): Asker & { close(): void } {
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, done) {
      if (!muted) process.stdout.write(chunk, encoding);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  rl.on('SIGINT', () => {
    process.stdout.write('\ndraftdesk init: stopped, nothing written\n');
    process.exit(130);
  });
  return {
    async ask(question, { fallback, secret }) {
      const prompt = `${question}${fallback ? ` [${fallback}]` : ''}: `;
      if (!secret) return (await rl.question(prompt)).trim();
      process.stdout.write(prompt);
      muted = true;
      try {
        return await rl.question('');
      } finally {
        muted = false;
        process.stdout.write('\n');
      }
    },
    tell: (message) => process.stdout.write(`${message}\n`),
    close: () => rl.close(),
  };
}

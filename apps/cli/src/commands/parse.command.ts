import { readFile } from 'node:fs/promises';
import { MailParseError, parseMail } from '@draftdesk/mail';

const USAGE = 'usage: draftdesk parse <file.eml>';

/** `draftdesk parse <file.eml>`: prints the parsed message as JSON, attachments listed without content. */
export async function run(argv: string[]): Promise<number> {
  const file = argv.find((arg) => !arg.startsWith('-'));
  if (!file || argv.includes('--help') || argv.includes('-h')) {
    process.stderr.write(`${USAGE}\n`);
    return file ? 0 : 2;
  }
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      `draftdesk parse: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : String(error)}\n`,
    );
    return 2;
  }
  try {
    const mail = await parseMail(raw, { keepAttachmentContent: false });
    process.stdout.write(`${JSON.stringify(mail, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof MailParseError) {
      process.stderr.write(`draftdesk parse: ${file} is not a readable email (${error.code}): ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

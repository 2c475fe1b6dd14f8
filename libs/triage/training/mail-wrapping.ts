// How customers wrap a request in an email, per language and register (the data: mail-wrapping.data.json):
// greetings, a line of context that carries no intent, sign-offs and signatures. Written for draftdesk's training
// data; the evaluation mails use their own.
import { join } from 'path';
import { readJson } from './data-files';

export interface MailWrapping {
  formal: { greetings: string[]; signOffs: string[] };
  informal: { greetings: string[]; signOffs: string[] };
  /** Sentences that set the scene without asking anything. */
  context: string[];
  signatures: string[];
}

export const MAIL_WRAPPING: Record<string, MailWrapping> = readJson(join(__dirname, 'mail-wrapping.data.json'));

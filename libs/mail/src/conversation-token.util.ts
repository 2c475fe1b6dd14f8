// Tokens are restricted to characters that survive every MTA and subject-rewriting gateway unchanged.
const TOKEN = '[A-Za-z0-9_-]{1,64}';
const ADDRESS_TOKEN = new RegExp(`^[^@+\\s]+\\+(${TOKEN})@[^@\\s]+$`);
const SUBJECT_TOKEN = new RegExp(`\\[#(${TOKEN})\\]`);
const VALID_TOKEN = new RegExp(`^${TOKEN}$`);

export function conversationTokenFromAddress(address: string): string | null {
  const bare = address
    .trim()
    .replace(/^.*<([^>]*)>.*$/, '$1')
    .trim();
  return ADDRESS_TOKEN.exec(bare)?.[1] ?? null;
}

export function conversationTokenFromSubject(subject: string): string | null {
  return SUBJECT_TOKEN.exec(subject)?.[1] ?? null;
}

export function replyAddress(mailbox: string, token: string): string {
  assertToken(token);
  const at = mailbox.lastIndexOf('@');
  if (at <= 0) throw new Error(`not a mailbox address: ${mailbox}`);
  // Drop an existing +detail so a reply address never accumulates two tokens.
  const local = mailbox.slice(0, at).replace(/\+.*$/, '');
  return `${local}+${token}${mailbox.slice(at)}`;
}

export function subjectMarker(token: string): string {
  assertToken(token);
  return `[#${token}]`;
}

function assertToken(token: string): void {
  if (!VALID_TOKEN.test(token)) throw new Error(`invalid conversation token: ${JSON.stringify(token)}`);
}

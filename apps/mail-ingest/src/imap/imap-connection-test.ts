import { ImapFlow } from 'imapflow';
import { ImapCredentials, imapClientOptions, ImapEndpoint } from './imap-client-options.util';

/** Why a connection test failed, in a word a program can branch on; `message` says it to a person. */
export type ImapTestFailure = 'auth_failed' | 'unreachable' | 'tls' | 'timeout' | 'folder_not_found' | 'error';

export type ImapTestResult =
  | { ok: true; folder: string; messages: number; elapsedMs: number }
  | { ok: false; reason: ImapTestFailure; message: string; elapsedMs: number };

/** The whole test, connect to folder opened, gives up after this long: a person is waiting for the answer. */
export const IMAP_TEST_TIMEOUT_MS = 10_000;

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);
const TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ETIMEOUT', 'ETIMEDOUT']);
const TLS_CODES =
  /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT|ClosedAfterConnectTLS|STARTTLS_INJECTION)/;

interface ImapError {
  code?: string;
  message?: string;
  authenticationFailed?: boolean;
  responseText?: string;
  serverResponseCode?: string;
}

/** An imapflow or socket error in words, by what it says about the settings (never the password). */
export function describeImapFailure(
  error: unknown,
  phase: 'connect' | 'open',
  endpoint: { host: string; port: number; folder: string },
): { reason: ImapTestFailure; message: string } {
  const e = (error ?? {}) as ImapError;
  const where = `${endpoint.host}:${endpoint.port}`;
  const detail = e.responseText || e.message || String(error);
  if (e.authenticationFailed)
    return { reason: 'auth_failed', message: `the server refused the user name or password (${detail})` };
  if (phase === 'open')
    return {
      reason: 'folder_not_found',
      message: `signed in, but the folder "${endpoint.folder}" could not be opened (${detail})`,
    };
  if (e.code && UNREACHABLE.has(e.code))
    return { reason: 'unreachable', message: `${where} cannot be reached (${e.code}): check the host and port` };
  if (e.code && TIMEOUTS.has(e.code))
    return { reason: 'timeout', message: `${where} did not answer in time (${e.code})` };
  if ((e.code && TLS_CODES.test(e.code)) || /\b(tls|ssl|certificate)\b/i.test(detail))
    return {
      reason: 'tls',
      message: `the secure connection to ${where} failed (${e.code ?? detail}): check the TLS mode and port`,
    };
  return { reason: 'error', message: `${where}: ${detail}` };
}

/**
 * Connects with the given settings, signs in, opens the folder and logs out; stores nothing. Gives up after
 * `timeoutMs` as a timeout, whatever the server is doing (a TLS client talking to a plain port waits forever).
 */
export async function testImapConnection(
  endpoint: ImapEndpoint & { folder: string },
  auth: ImapCredentials,
  options: { rejectUnauthorized: boolean; timeoutMs?: number },
): Promise<ImapTestResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? IMAP_TEST_TIMEOUT_MS;
  const client = new ImapFlow({
    ...imapClientOptions(endpoint, auth, options),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  // A late 'error' event after the test gave up must not crash the process.
  client.on('error', () => undefined);
  let phase: 'connect' | 'open' = 'connect';
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('no answer'), { code: 'ETIMEOUT' })), timeoutMs);
  });
  try {
    const messages = await Promise.race([
      (async () => {
        await client.connect();
        phase = 'open';
        const opened = await client.mailboxOpen(endpoint.folder, { readOnly: true });
        return opened.exists;
      })(),
      deadline,
    ]);
    await client.logout().catch(() => undefined);
    return { ok: true, folder: endpoint.folder, messages, elapsedMs: Date.now() - started };
  } catch (error) {
    client.close();
    const timedOut = (error as ImapError).code === 'ETIMEOUT' && Date.now() - started >= timeoutMs - 50;
    const failure = timedOut
      ? {
          reason: 'timeout' as const,
          message: `${endpoint.host}:${endpoint.port} did not answer within ${Math.round(timeoutMs / 1000)} s: check the host, port and TLS mode`,
        }
      : describeImapFailure(error, phase, { ...endpoint, folder: endpoint.folder });
    return { ok: false, ...failure, elapsedMs: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

import type { ImapFlowOptions } from 'imapflow';

/** How the IMAP connection is protected: TLS from the first byte (993), upgraded with STARTTLS (143), or not at all. */
export type TlsMode = 'tls' | 'starttls' | 'plain';

export type ImapCredentials = { user: string; pass: string } | { user: string; accessToken: string };

export interface ImapEndpoint {
  host: string;
  port: number;
  /** Set for mailboxes from the database; the env mailbox only knows IMAP_SECURE (true → TLS, false → opportunistic). */
  tlsMode?: TlsMode;
  secure: boolean;
}

/**
 * The imapflow options for one endpoint. STARTTLS is made mandatory when asked for (doSTARTTLS: true), so a
 * server, or someone in between, that stops offering it fails the connection instead of downgrading it to clear
 * text; 'plain' never upgrades (a local relay, tests).
 */
export function imapClientOptions(
  endpoint: ImapEndpoint,
  auth: ImapCredentials,
  options: { rejectUnauthorized: boolean },
): ImapFlowOptions {
  const tls: Pick<ImapFlowOptions, 'secure' | 'doSTARTTLS'> =
    endpoint.tlsMode === 'tls'
      ? { secure: true }
      : endpoint.tlsMode === 'starttls'
        ? { secure: false, doSTARTTLS: true }
        : endpoint.tlsMode === 'plain'
          ? { secure: false, doSTARTTLS: false }
          : { secure: endpoint.secure };
  return {
    host: endpoint.host,
    port: endpoint.port,
    ...tls,
    auth:
      'accessToken' in auth ? { user: auth.user, accessToken: auth.accessToken } : { user: auth.user, pass: auth.pass },
    logger: false,
    qresync: true,
    maxIdleTime: 5 * 60_000,
    // imapflow waits 15 s of silence before IDLE by default: mail arriving in that window would wait for it.
    autoIdleDelay: 200,
    tls: { rejectUnauthorized: options.rejectUnauthorized },
  };
}

/** The usual port for a TLS mode when the API caller leaves it out. */
export function defaultImapPort(mode: TlsMode): number {
  return mode === 'tls' ? 993 : 143;
}

import { Inject, Injectable } from '@nestjs/common';
import { defaultImapPort, ImapCredentials } from '../imap/imap-client-options.util';
import { IMAP_TEST_TIMEOUT_MS, ImapTestResult, testImapConnection } from '../imap/imap-connection-test';
import { OAuthTokenSource } from '../imap/oauth-token.source';
import { MAIL_INGEST_OPTIONS, MailIngestOptions } from '../ingest/mail-ingest.options';
import { MailboxStore } from './mailbox-store.service';
import { PatchMailbox, TestMailbox } from './mailbox.types';

interface TestSettings {
  host: string;
  port: number;
  tls: 'tls' | 'starttls' | 'plain';
  folder: string;
  user: string;
  credentials: () => Promise<ImapCredentials>;
}

/**
 * "Test connection": connects with settings that are not saved (a new mailbox, or a stored one with changes laid
 * over it and its stored credentials unless new ones are given), signs in, opens the folder. Stores nothing.
 */
@Injectable()
export class MailboxTester {
  constructor(
    @Inject(MAIL_INGEST_OPTIONS) private readonly options: MailIngestOptions,
    private readonly store: MailboxStore,
  ) {}

  test(input: TestMailbox): Promise<ImapTestResult> {
    return this.run({
      host: input.host,
      port: input.port ?? defaultImapPort(input.tls),
      tls: input.tls,
      folder: input.folder,
      ...this.credentials(input.auth),
    });
  }

  async testStored(id: string, patch: PatchMailbox): Promise<ImapTestResult> {
    const row = await this.store.get(id);
    const stored = this.store.settings(row, 60);
    const auth = patch.auth
      ? this.credentials(patch.auth)
      : {
          user: stored.user,
          credentials: stored.oauth
            ? this.credentials({
                kind: 'xoauth2',
                user: stored.user,
                ...stored.oauth,
                scope: stored.oauth.scope ?? undefined,
              }).credentials
            : async () => ({ user: stored.user, pass: stored.password! }),
        };
    return this.run({
      host: patch.host ?? row.imap_host,
      port: patch.port ?? row.imap_port,
      tls: patch.tls ?? row.tls_mode,
      folder: patch.folder ?? row.folder,
      ...auth,
    });
  }

  private credentials(auth: TestMailbox['auth']): Pick<TestSettings, 'user' | 'credentials'> {
    if (auth.kind === 'password')
      return { user: auth.user, credentials: async () => ({ user: auth.user, pass: auth.password }) };
    const source = new OAuthTokenSource(
      {
        tokenUrl: auth.tokenUrl,
        clientId: auth.clientId,
        clientSecret: auth.clientSecret,
        refreshToken: auth.refreshToken,
        scope: auth.scope,
      },
      { timeoutMs: IMAP_TEST_TIMEOUT_MS },
    );
    return { user: auth.user, credentials: async () => ({ user: auth.user, accessToken: await source.accessToken() }) };
  }

  private async run(settings: TestSettings): Promise<ImapTestResult> {
    const started = Date.now();
    let credentials: ImapCredentials;
    try {
      credentials = await settings.credentials();
    } catch (error) {
      return {
        ok: false,
        reason: 'auth_failed',
        message: `the token server gave no access token: ${(error as Error).message}`,
        elapsedMs: Date.now() - started,
      };
    }
    return testImapConnection(
      {
        host: settings.host,
        port: settings.port,
        tlsMode: settings.tls,
        secure: settings.tls === 'tls',
        folder: settings.folder,
      },
      credentials,
      { rejectUnauthorized: this.options.verifyTls === true },
    );
  }
}

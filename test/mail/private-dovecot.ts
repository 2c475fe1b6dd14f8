import { ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../support/services';

const run = promisify(execFile);

/**
 * A Dovecot of the test's own (config generated the way scripts/engines/dovecot-up.sh does it, on another
 * port, under a temp dir), so a test can restart it or renumber a folder without touching the shared one.
 * Any *@example.test / *@shop.test address logs in with password "pass". Needs root, like the shared one.
 */
export class PrivateDovecot {
  readonly host = '127.0.0.1';
  readonly password = 'pass';
  private process: ChildProcess | null = null;

  private constructor(
    readonly dir: string,
    readonly conf: string,
    readonly port: number,
  ) {}

  static async start(
    mailUser = process.env.DOVECOT_MAIL_USER ?? 'ddmail',
    options: PrivateDovecotOptions = {},
  ): Promise<PrivateDovecot> {
    const dir = mkdtempSync(join(tmpdir(), 'ddv-'));
    chmodSync(dir, 0o755);
    const { stdout: uidOut } = await run('id', ['-u', mailUser]);
    const { stdout: gidOut } = await run('id', ['-g', mailUser]);
    const uid = Number(uidOut.trim());
    const gid = Number(gidOut.trim());
    const mailRoot = join(dir, 'mail');
    mkdirSync(mailRoot);
    chownSync(mailRoot, uid, gid);
    chmodSync(mailRoot, 0o700);
    for (const sub of ['run', 'state']) mkdirSync(join(dir, sub));
    const domains = join(dir, 'domains');
    writeFileSync(domains, 'shop.test:{PLAIN}pass::::::\nexample.test:{PLAIN}pass::::::\n');
    chmodSync(domains, 0o644);
    const port = await freePort();
    const conf = join(dir, 'dovecot.conf');
    let oauth2: string | null = null;
    if (options.oauth2) {
      oauth2 = join(dir, 'dovecot-oauth2.conf.ext');
      writeFileSync(oauth2, oauth2Config(options.oauth2.introspectionUrl));
      chmodSync(oauth2, 0o644);
    }
    writeFileSync(conf, config({ dir, mailRoot, domains, port, uid, gid, oauth2 }));
    const dovecot = new PrivateDovecot(dir, conf, port);
    await dovecot.up();
    return dovecot;
  }

  async up(): Promise<void> {
    const child = spawn('dovecot', ['-F', '-c', this.conf], { stdio: 'ignore' });
    this.process = child;
    const deadline = Date.now() + 20_000;
    while (!(await this.greets())) {
      if (child.exitCode !== null)
        throw new Error(`private dovecot exited with ${child.exitCode}; log in ${this.dir}/dovecot.log`);
      if (Date.now() > deadline) throw new Error(`private dovecot did not answer on ${this.port}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Stops the server the hard way its operators sometimes do; clients see their connections drop. */
  async down(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    this.process = null;
    // The listener can linger for a moment after the master exits.
    const deadline = Date.now() + 10_000;
    while ((await this.greets()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  }

  async restart(): Promise<void> {
    await this.down();
    await this.up();
  }

  async doveadm(...args: string[]): Promise<string> {
    const { stdout } = await run('doveadm', ['-c', this.conf, ...args]);
    return stdout;
  }

  async stop(): Promise<void> {
    await this.down();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private greets(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(this.port, this.host);
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(2000, () => done(false));
      socket.once('error', () => done(false));
      socket.once('data', (data) => done(data.toString().startsWith('* OK')));
    });
  }
}

export interface PrivateDovecotOptions {
  /**
   * Also accept XOAUTH2/OAUTHBEARER: Dovecot POSTs each access token (token=…) to this RFC 7662 introspection
   * endpoint and lets the login in when the answer is {"active": true, "username": <the login user>}.
   */
  oauth2?: { introspectionUrl: string };
}

function oauth2Config(introspectionUrl: string): string {
  return `introspection_mode = post
introspection_url = ${introspectionUrl}
force_introspection = yes
username_attribute = username
active_attribute = active
active_value = true
timeout_msecs = 5000
`;
}

function config(o: {
  dir: string;
  mailRoot: string;
  domains: string;
  port: number;
  uid: number;
  gid: number;
  oauth2: string | null;
}): string {
  return `protocols = imap
listen = 127.0.0.1
instance_name = draftdesk-test-${o.port}
base_dir = ${o.dir}/run
state_dir = ${o.dir}/state
log_path = ${o.dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login${o.oauth2 ? ' xoauth2 oauthbearer' : ''}
default_login_user = dovenull
default_internal_user = dovecot
first_valid_uid = ${o.uid}
last_valid_uid = ${o.uid}
mail_uid = ${o.uid}
mail_gid = ${o.gid}
mail_location = maildir:${o.mailRoot}/%d/%n
mail_fsync = never
mail_max_userip_connections = 100
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%Ld ${o.domains}
}
${
  o.oauth2
    ? `passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = ${o.oauth2}
}
`
    : ''
}userdb {
  driver = passwd-file
  args = username_format=%Ld ${o.domains}
  default_fields = uid=${o.uid} gid=${o.gid} home=${o.mailRoot}/%Ld/%Ln
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${o.port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-writer {
    mode = 0666
  }
}
`;
}

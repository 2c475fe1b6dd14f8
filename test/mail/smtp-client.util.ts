import { connect, Socket } from 'node:net';

/**
 * A bare SMTP client that speaks one command at a time, so a test can stop a conversation anywhere (mid-DATA)
 * and end it the way a broken peer does: with a TCP reset instead of QUIT.
 */
export class RawSmtpClient {
  private buffer = '';
  private waiters: ((line: string) => void)[] = [];
  private readonly replies: string[] = [];

  private constructor(readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\r\n')) >= 0) {
        const line = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        // Only the last line of a multi-line reply ("250 " rather than "250-") completes it.
        if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) this.deliver(line);
      }
    });
    // A reset from our own side surfaces here; the test looks at the server, not at this socket.
    socket.on('error', () => undefined);
  }

  static async open(port: number, host = '127.0.0.1'): Promise<RawSmtpClient> {
    const socket = connect(port, host);
    const client = new RawSmtpClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    await client.expect(220);
    return client;
  }

  private deliver(line: string) {
    const waiter = this.waiters.shift();
    if (waiter) waiter(line);
    else this.replies.push(line);
  }

  private next(timeoutMs: number): Promise<string> {
    const ready = this.replies.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no SMTP reply within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  }

  async expect(code: number, timeoutMs = 30_000): Promise<string> {
    const line = await this.next(timeoutMs);
    if (!line.startsWith(String(code))) throw new Error(`expected ${code}, got "${line}"`);
    return line;
  }

  async command(line: string, code: number): Promise<string> {
    this.socket.write(`${line}\r\n`);
    return this.expect(code);
  }

  /** EHLO, MAIL, RCPT and DATA: the server now waits for the message. */
  async beginData(from = 'customer@example.test', to = 'support@shop.test') {
    await this.command('EHLO tester.example.test', 250);
    await this.command(`MAIL FROM:<${from}>`, 250);
    await this.command(`RCPT TO:<${to}>`, 250);
    await this.command('DATA', 354);
  }

  /** Sends a whole message and returns the server's final reply line. */
  async sendMessage(raw: Buffer | string, timeoutMs = 60_000): Promise<string> {
    return this.sendData(dotStuffed(raw), timeoutMs);
  }

  /** Sends a message already in DATA form (see dotStuffed), so a caller can prepare a big one ahead of time. */
  async sendData(data: Buffer, timeoutMs = 60_000): Promise<string> {
    await this.beginData();
    this.socket.write(data);
    return this.next(timeoutMs);
  }

  async quit() {
    this.socket.end('QUIT\r\n');
    await new Promise((resolve) => this.socket.once('close', resolve));
  }
}

/** A message as SMTP DATA carries it: CRLF line ends, leading dots doubled, ended by a lone dot. */
export function dotStuffed(raw: Buffer | string): Buffer {
  const text = (typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw).toString('latin1');
  const stuffed = text.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
  return Buffer.from(`${stuffed}${stuffed.endsWith('\r\n') ? '' : '\r\n'}.\r\n`, 'latin1');
}

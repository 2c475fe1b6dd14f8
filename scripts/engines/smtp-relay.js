#!/usr/bin/env node
// Test SMTP relay: accepts mail on 127.0.0.1:$SMTP_PORT (default 2587) for any recipient, without
// auth or TLS, and hands the raw message unchanged to Dovecot over LMTP ($LMTP_PORT, default 2424).
// Recipients are checked against Dovecot at RCPT time, so unknown users get a 550 there; a failed
// LMTP delivery turns into a 4xx so the sender retries.
'use strict';
const net = require('net');
const { SMTPServer } = require('smtp-server');
const nodemailer = require('nodemailer');

const HOST = process.env.SMTP_HOST || '127.0.0.1';
const PORT = Number(process.env.SMTP_PORT || 2587);
const LMTP_HOST = process.env.LMTP_HOST || '127.0.0.1';
const LMTP_PORT = Number(process.env.LMTP_PORT || 2424);
const MAX_SIZE = 25 * 1024 * 1024;

function log(message, fields = {}) {
  console.log(JSON.stringify({ time: new Date().toISOString(), msg: message, ...fields }));
}

function smtpError(message, responseCode) {
  const error = new Error(message);
  error.responseCode = responseCode;
  return error;
}

// Asks Dovecot whether it would take mail for `address` (LHLO, MAIL, RCPT, QUIT on a short session).
// Resolves with the RCPT reply { code, text }; rejects when LMTP cannot be reached.
function probeRecipient(address) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(LMTP_PORT, LMTP_HOST);
    const commands = ['LHLO draftdesk-relay', 'MAIL FROM:<>', `RCPT TO:<${address}>`];
    let buffer = '';
    let step = 0;
    const finish = (fn, value) => {
      socket.removeAllListeners('data');
      socket.end('QUIT\r\n');
      fn(value);
    };
    socket.setTimeout(10000, () => {
      socket.destroy();
      reject(new Error('LMTP probe timed out'));
    });
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (/^\d{3}-/.test(line)) continue; // continuation of a multi-line reply
        const code = Number(line.slice(0, 3));
        if (step === commands.length) return finish(resolve, { code, text: line.slice(4) });
        if (code >= 400) return finish(reject, new Error(`LMTP answered "${line}" before RCPT`));
        socket.write(`${commands[step++]}\r\n`);
      }
    });
  });
}

function rejectedCode(error) {
  return typeof error.responseCode === 'number' ? error.responseCode : 0;
}

async function deliver(raw, envelope) {
  const transport = nodemailer.createTransport({
    host: LMTP_HOST,
    port: LMTP_PORT,
    lmtp: true,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 10000,
    socketTimeout: 60000,
  });
  try {
    return await transport.sendMail({ envelope, raw });
  } finally {
    transport.close();
  }
}

const server = new SMTPServer({
  name: 'relay.draftdesk.test',
  banner: 'draftdesk test relay (SMTP to Dovecot LMTP)',
  authOptional: true,
  // Clients configured with credentials may still AUTH: accept any, since this relay is test-only.
  allowInsecureAuth: true,
  onAuth(auth, _session, callback) {
    callback(null, { user: auth.username || 'anonymous' });
  },
  disabledCommands: ['STARTTLS'],
  hideSTARTTLS: true,
  size: MAX_SIZE,
  logger: false,

  onRcptTo(address, _session, callback) {
    probeRecipient(address.address).then(
      ({ code, text }) => {
        if (code >= 200 && code < 300) return callback();
        log('recipient rejected', { rcpt: address.address, code, text });
        callback(smtpError(text || 'Recipient rejected', code >= 500 ? 550 : 451));
      },
      (error) => {
        log('LMTP unreachable at RCPT', { rcpt: address.address, error: error.message });
        callback(smtpError('Mailbox server unavailable, try again later', 451));
      },
    );
  },

  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('error', (error) => callback(error));
    stream.on('end', async () => {
      if (stream.sizeExceeded) {
        return callback(smtpError(`Message exceeds the ${MAX_SIZE} byte limit`, 552));
      }
      const raw = Buffer.concat(chunks);
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      try {
        const info = await deliver(raw, { from, to });
        const errors = info.rejectedErrors || [];
        const temporary = errors.filter((e) => rejectedCode(e) < 500);
        log('delivered', { from, accepted: info.accepted, rejected: info.rejected, bytes: raw.length });
        // Retrying re-delivers to the recipients that succeeded; duplicates beat lost mail in tests.
        if (temporary.length > 0) return callback(smtpError('Delivery deferred for some recipients', 451));
        if (info.accepted.length === 0 && errors.length > 0) {
          return callback(smtpError(`Delivery refused: ${errors[0].response || errors[0].message}`, 554));
        }
        callback(null, 'Delivered to Dovecot');
      } catch (error) {
        const code = rejectedCode(error);
        log('delivery failed', { from, to, code, error: error.message });
        if (code >= 500 && code < 600) return callback(smtpError(error.message, code === 550 ? 550 : 554));
        callback(smtpError('Delivery to mailbox server failed, try again later', 451));
      }
    });
  },
});

server.on('error', (error) => log('server error', { error: error.message }));

server.listen(PORT, HOST, () => log('listening', { host: HOST, port: PORT, lmtp: `${LMTP_HOST}:${LMTP_PORT}` }));
server.server.once('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`port ${HOST}:${PORT} is in use`);
    process.exit(1);
  }
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Idle client connections would otherwise hold the close for smtp-server's 30 s timeout.
    setTimeout(() => process.exit(0), 3000).unref();
  });
}

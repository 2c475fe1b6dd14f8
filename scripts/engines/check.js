#!/usr/bin/env node
// Self-check of the engines started by up.sh: node scripts/engines/check.js [postgres] [kafka] [mail]
// (default: all). Reads the same variables as .engines/env, with the same defaults. Exits 1 on failure.
'use strict';
const crypto = require('crypto');
const { Kafka, logLevel, Partitioners } = require('kafkajs');
const nodemailer = require('nodemailer');
const { ImapFlow } = require('imapflow');
const { Client } = require('pg');

const env = process.env;
const DATABASE_URL = env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/draftdesk_test';
const KAFKA_BROKERS = (env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
const IMAP_HOST = env.IMAP_HOST || '127.0.0.1';
const IMAP_PORT = Number(env.IMAP_PORT || 1143);
const SMTP_HOST = env.SMTP_HOST || '127.0.0.1';
const SMTP_PORT = Number(env.SMTP_PORT || 2587);
const REQUIRED_CAPABILITIES = ['IDLE', 'UIDPLUS', 'CONDSTORE', 'QRESYNC', 'MOVE'];
const runId = `${Date.now()}-${crypto.randomBytes(4).toString('hex')}`;

async function eventually(what, timeoutMs, probe) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function checkPostgres() {
  const client = new Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT current_database() AS db, version() AS version, 1 + 1 AS two');
    if (rows[0].two !== 2) throw new Error(`SELECT 1 + 1 returned ${rows[0].two}`);
    return `${rows[0].db} on ${rows[0].version.split(',')[0]}`;
  } finally {
    await client.end();
  }
}

async function checkKafka() {
  const kafka = new Kafka({ clientId: 'draftdesk-engines-check', brokers: KAFKA_BROKERS, logLevel: logLevel.WARN });
  const topic = `draftdesk.engines-check.${runId}`;
  const admin = kafka.admin();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  // A short fetch wait keeps disconnect() from idling through the default 5 s long poll.
  const consumer = kafka.consumer({ groupId: `draftdesk-engines-check-${runId}`, maxWaitTimeInMs: 500 });
  const value = `hello ${runId}`;
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    let received;
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        received = { key: message.key && message.key.toString(), value: message.value && message.value.toString() };
      },
    });
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'conversation-1', value }] });
    const message = await eventually('the produced message to be consumed', 30000, () => received);
    if (message.value !== value || message.key !== 'conversation-1') {
      throw new Error(`consumed ${JSON.stringify(message)}, expected value "${value}"`);
    }
    return `topic ${topic}: produced and consumed "${value}"`;
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

async function checkMail() {
  const transport = nodemailer.createTransport({ host: SMTP_HOST, port: SMTP_PORT, secure: false, ignoreTLS: true });
  const messageId = `<engines-check-${runId}@draftdesk.test>`;
  try {
    await transport.sendMail({
      from: 'support@shop.test',
      to: 'customer@example.test',
      subject: `engines check ${runId}`,
      messageId,
      text: 'Hallo! Dit is een testbericht van scripts/engines/check.js.',
    });
    // The relay must refuse recipients Dovecot does not know, so senders see a bounce, not silence.
    const refused = await transport
      .sendMail({ from: 'support@shop.test', to: 'nobody@unknown.test', subject: 'x', text: 'x' })
      .then(
        () => undefined,
        (error) => error.responseCode,
      );
    if (refused !== 550) throw new Error(`unknown recipient got ${refused ?? '250'} from the relay, expected 550`);
  } finally {
    transport.close();
  }

  const client = new ImapFlow({
    host: IMAP_HOST,
    port: IMAP_PORT,
    secure: false,
    doSTARTTLS: false,
    auth: { user: 'customer@example.test', pass: 'customer-pass' },
    logger: false,
  });
  await client.connect();
  try {
    const capabilities = [...client.capabilities.keys()];
    const missing = REQUIRED_CAPABILITIES.filter((cap) => !client.capabilities.has(cap));
    console.log(`  IMAP capabilities: ${capabilities.join(' ')}`);
    if (missing.length > 0) throw new Error(`IMAP capabilities missing: ${missing.join(', ')}`);
    const lock = await client.getMailboxLock('INBOX');
    try {
      const uids = await eventually('the message to arrive in INBOX', 15000, async () => {
        const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
        return found && found.length > 0 ? found : undefined;
      });
      const message = await client.fetchOne(String(uids[0]), { envelope: true }, { uid: true });
      if (!message || message.envelope.messageId !== messageId)
        throw new Error('fetched message has another Message-ID');
      await client.messageDelete(String(uids[0]), { uid: true });
      return `delivered over SMTP ${SMTP_HOST}:${SMTP_PORT} and read over IMAP ${IMAP_HOST}:${IMAP_PORT} (uid ${uids[0]}, "${message.envelope.subject}")`;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => undefined);
  }
}

const checks = { postgres: checkPostgres, kafka: checkKafka, mail: checkMail };

(async () => {
  const selected = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(checks);
  let failed = 0;
  for (const name of selected) {
    if (!checks[name]) {
      console.error(`unknown check "${name}" (known: ${Object.keys(checks).join(', ')})`);
      process.exit(2);
    }
    const started = Date.now();
    try {
      const detail = await checks[name]();
      console.log(`ok   ${name} (${Date.now() - started} ms): ${detail}`);
    } catch (error) {
      failed += 1;
      console.error(`FAIL ${name} (${Date.now() - started} ms): ${error && error.message}`);
    }
  }
  console.log(`${selected.length - failed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
})();

/**
 * Does ingesting hostile mail stall the process? Starts the embedded suite from dist/ (one process: PGlite, the
 * in-process transport, the SMTP listener, the HTTP API), polls /health/live every 10 ms while idle, then while a
 * 25 MB plain-text mail and a 2 MB deeply nested <div> HTML mail are sent over SMTP at the same time. Prints and
 * writes bench/results/ingest-stall.json: health latency p50/p99/max idle and under load, and each mail's ingest time
 * (DATA sent → the 250 that says it is committed).
 *
 *   npm run build && npm run bench:ingest-stall [-- --idle-seconds 5]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../test/support/services';
import { dotStuffed, RawSmtpClient } from '../test/mail/smtp-client.util';
import { LatencySummary, summarise } from './support/stats';
import { EmbeddedProcess, startEmbeddedProcess } from './support/embedded-process';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const IDLE_SECONDS = Number(arg('--idle-seconds', '5'));
const POLL_MS = 10;
const root = join(__dirname, '..');
const log = (line: string) => process.stderr.write(`${line}\n`);

function plainTextMail(bytes: number): string {
  const line = 'Mijn bestelling is nog steeds niet aangekomen, kunt u nagaan waar het pakket is gebleven? ';
  const lines = Math.ceil(bytes / (line.length + 8));
  return (
    header('huge-text', 'text/plain; charset=utf-8') +
    Array.from({ length: lines }, (_, i) => `${i} ${line}`).join('\r\n')
  );
}

function nestedHtmlMail(depth: number): string {
  return (
    header('nested-html', 'text/html; charset=utf-8') +
    `${'<div>'.repeat(depth)}Waar is mijn pakket?${'</div>'.repeat(depth)}`
  );
}

function header(id: string, contentType: string): string {
  return [
    'From: Klant <klant@example.test>',
    'To: support@shop.test',
    `Subject: ${id}`,
    `Message-ID: <${id}-${Date.now()}@example.test>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}`,
    '',
    '',
  ].join('\r\n');
}

/** Polls /health/live every POLL_MS until told to stop; a failed request counts as its time to fail. */
function pollHealth(url: string) {
  const latencies: number[] = [];
  let failures = 0;
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const started = performance.now();
      try {
        const res = await fetch(url);
        await res.arrayBuffer();
        if (!res.ok) failures++;
      } catch {
        failures++;
      }
      const ms = performance.now() - started;
      latencies.push(ms);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, POLL_MS - ms)));
    }
  })();
  return {
    async stop(): Promise<{ latency: LatencySummary; failures: number }> {
      stopped = true;
      await done;
      return { latency: summarise(latencies), failures };
    },
  };
}

async function sendTimed(port: number, name: string, raw: Buffer) {
  const started = performance.now();
  const client = await RawSmtpClient.open(port);
  const reply = await client.sendData(raw, 600_000);
  const seconds = Math.round(performance.now() - started) / 1000;
  await client.quit().catch(() => undefined);
  log(`  ${name}: ${(raw.length / 1e6).toFixed(1)} MB → "${reply}" after ${seconds} s`);
  return { name, bytes: raw.length, reply, seconds };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'draftdesk-stall-'));
  const ports = { http: await freePort(), smtp: await freePort(), pg: await freePort() };
  let app: EmbeddedProcess | null = null;
  try {
    log('starting the embedded suite from dist/');
    app = await startEmbeddedProcess(dataDir, ports);
    const health = `http://127.0.0.1:${ports.http}/health/live`;
    // Built and dot-stuffed before any polling: the poller shares this process's event loop.
    const textMail = dotStuffed(plainTextMail(25_000_000));
    const htmlMail = dotStuffed(nestedHtmlMail(200_000));

    log(`idle: polling /health/live every ${POLL_MS} ms for ${IDLE_SECONDS} s`);
    const idlePoll = pollHealth(health);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    const idle = await idlePoll.stop();
    log(`  idle p50 ${idle.latency.p50} ms, p99 ${idle.latency.p99} ms, max ${idle.latency.max} ms`);

    log('load: sending the 25 MB text mail and the 2 MB nested-div mail over SMTP while polling');
    const loadPoll = pollHealth(health);
    const started = performance.now();
    const mails = await Promise.all([
      sendTimed(ports.smtp, '25 MB plain text', textMail),
      sendTimed(ports.smtp, '2 MB nested <div> HTML', htmlMail),
    ]);
    const ingestSeconds = Math.round(performance.now() - started) / 1000;
    const load = await loadPoll.stop();
    log(
      `  load p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, max ${load.latency.max} ms over ${load.latency.count} polls`,
    );
    const quarantined = (app.output().match(/mail quarantined/g) ?? []).length;

    const result = {
      generatedAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(totalmem() / 1e9),
        node: process.version,
      },
      setup: {
        mode: 'embedded (dist/)',
        pollIntervalMs: POLL_MS,
        idleSeconds: IDLE_SECONDS,
        mails: mails.map((m) => ({ name: m.name, bytes: m.bytes })),
      },
      healthLiveMs: { idle: idle.latency, duringIngest: load.latency },
      healthFailures: { idle: idle.failures, duringIngest: load.failures },
      ingest: { seconds: ingestSeconds, mails, quarantinedLogLines: quarantined },
      acceptance: {
        target: 'health/live p99 under 100 ms during ingest',
        met: load.latency.p99 < 100 && load.failures === 0,
      },
    };
    mkdirSync(join(root, 'bench', 'results'), { recursive: true });
    const file = join(root, 'bench', 'results', 'ingest-stall.json');
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(
      `${JSON.stringify({ healthLiveMs: result.healthLiveMs, ingest: result.ingest, acceptance: result.acceptance }, null, 2)}\n`,
    );
    log(`written to ${file}`);
  } finally {
    if (app && app.child.exitCode === null) {
      const exited = new Promise((resolve) => app!.child.once('exit', resolve));
      app.child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  log(`ingest-stall bench failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});

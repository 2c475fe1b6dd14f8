import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { repoRoot } from '../../test/support/engines';
import { freePort } from '../../test/support/services';

/** The broker jars scripts/engines/kafka-up.sh resolves into .engines/kafka/libs, or KAFKA_LIBS. */
export function kafkaLibs(): string {
  const candidates = [process.env.KAFKA_LIBS, join(repoRoot, '.engines', 'kafka', 'libs')].filter(
    (d): d is string => !!d,
  );
  const found = candidates.find((d) => existsSync(join(d, '.complete')) || existsSync(d + '/kafka-clients-3.9.1.jar'));
  if (!found)
    throw new Error(
      `Kafka jars not found in ${candidates.join(' or ')}: run npm run engines:up once, or set KAFKA_LIBS`,
    );
  return found;
}

async function answers(brokers: string): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'chaos-ready',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 3000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    const { groups } = await admin.describeGroups(['chaos-warmup']);
    return (groups[0] as unknown as { errorCode: number }).errorCode === 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * A single-node Kafka 3.9 (KRaft) of the chaos run's own: a fresh log dir and free ports, so it can be stopped and
 * started again without touching the broker other tests share. A restart keeps the log dir, like a pod restart.
 */
export class PrivateKafka {
  private process: ChildProcess | null = null;

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly libs: string,
  ) {}

  get brokers() {
    return `127.0.0.1:${this.port}`;
  }

  static async start(): Promise<PrivateKafka> {
    const libs = kafkaLibs();
    const dir = mkdtempSync(join(tmpdir(), 'draftdesk-chaos-kafka-'));
    const port = await freePort();
    const controller = await freePort();
    const kafka = new PrivateKafka(dir, port, libs);
    writeFileSync(
      join(dir, 'server.properties'),
      [
        'process.roles=broker,controller',
        'node.id=1',
        `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller}`,
        `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
        'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
        'controller.listener.names=CONTROLLER',
        'inter.broker.listener.name=PLAINTEXT',
        `controller.quorum.voters=1@127.0.0.1:${controller}`,
        `log.dirs=${join(dir, 'data')}`,
        'num.partitions=3',
        'auto.create.topics.enable=false',
        'offsets.topic.num.partitions=1',
        'offsets.topic.replication.factor=1',
        'transaction.state.log.replication.factor=1',
        'transaction.state.log.min.isr=1',
        'group.initial.rebalance.delay.ms=0',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'log4j.properties'),
      [
        'log4j.rootLogger=WARN, stdout',
        'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
        'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
        'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
        '',
      ].join('\n'),
    );
    // A KRaft cluster id is 16 random bytes in unpadded base64url, what StorageTool random-uuid prints.
    const clusterId = randomBytes(16).toString('base64url');
    execFileSync(
      'java',
      [
        ...kafka.javaOptions(),
        'kafka.tools.StorageTool',
        'format',
        '-t',
        clusterId,
        '-c',
        join(dir, 'server.properties'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await kafka.launch();
    return kafka;
  }

  private javaOptions() {
    return [
      '-Xmx512m',
      '-Xms128m',
      '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${join(this.dir, 'log4j.properties')}`,
      '-cp',
      `${this.libs}/*`,
    ];
  }

  private async launch(timeoutMs = 90_000): Promise<void> {
    const log = openSync(join(this.dir, 'kafka.log'), 'a');
    const child = spawn('java', [...this.javaOptions(), 'kafka.Kafka', join(this.dir, 'server.properties')], {
      stdio: ['ignore', log, log],
    });
    this.process = child;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`kafka exited with ${child.exitCode} during start-up (log ${join(this.dir, 'kafka.log')})`);
      if (await answers(this.brokers)) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`kafka did not answer on ${this.brokers} within ${timeoutMs / 1000} s`);
  }

  private async halt(graceMs = 30_000): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  /** Stops the broker (SIGTERM, SIGKILL after 30 s), starts it on the same log dir and waits until it answers. */
  async restart(): Promise<void> {
    await this.halt();
    // A JVM start on a loaded machine can take minutes; the services keep retrying meanwhile.
    await this.launch(600_000);
  }

  /** Synchronous, so it also works from a signal handler. */
  stopSync(): void {
    const child = this.process;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }

  async stop(): Promise<void> {
    await this.halt(10_000);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

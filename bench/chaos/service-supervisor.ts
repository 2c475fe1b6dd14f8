import { RunningService, ServiceName, startService } from '../../test/support/services';
import { stopChild, track } from '../support/processes';

export interface KillRecord {
  service: ServiceName;
  atS: number;
  downMs: number;
}

export interface CrashRecord {
  service: ServiceName;
  atS: number;
  exitCode: number | null;
  signal: string | null;
  /** The engine restart in progress (or just finished) when the service died, if any. */
  duringEngineRestart: string | null;
}

/**
 * Keeps every service of the pipeline running as its own process: SIGKILLs on request and starts the service again
 * after a pause; a service that dies on its own (e.g. on an engine restart) is noted as a crash and started again.
 */
export class ServiceSupervisor {
  private readonly running = new Map<ServiceName, RunningService>();
  private readonly readyNow = new WeakSet<RunningService>();
  private readonly killedByUs = new WeakSet<object>();
  private readonly starts = new Map<ServiceName, number>();
  private stopping = false;
  readonly kills: KillRecord[] = [];
  readonly crashes: CrashRecord[] = [];
  /** Set by the harness while an engine restarts, so crashes can be attributed. */
  engineRestart: string | null = null;

  constructor(
    private readonly envOf: (name: ServiceName) => Record<string, string>,
    private readonly startedAt: number,
    private readonly label: string,
  ) {}

  private now() {
    return Math.round((Date.now() - this.startedAt) / 100) / 10;
  }

  async start(name: ServiceName): Promise<RunningService> {
    const n = (this.starts.get(name) ?? 0) + 1;
    this.starts.set(name, n);
    const service = await startService(name, this.envOf(name), `${this.label}-${name}`);
    track(service.process);
    this.running.set(name, service);
    // Readiness is followed in the background: only a service that came up is a kill candidate, otherwise a slow
    // start on a busy machine would be killed again before it ever served.
    service.ready(600_000).then(
      () => this.readyNow.add(service),
      () => undefined,
    );
    service.process.once('exit', (code, signal) => {
      if (this.killedByUs.has(service.process) || this.stopping) return;
      this.crashes.push({
        service: name,
        atS: this.now(),
        exitCode: code,
        signal,
        duringEngineRestart: this.engineRestart,
      });
      if (this.running.get(name) === service) this.running.delete(name);
      // 78 is a refused configuration: starting again would only repeat it.
      if (code === 78) return;
      setTimeout(() => void this.start(name).catch(() => undefined), 1_000);
    });
    return service;
  }

  url(name: ServiceName): string | null {
    return this.running.get(name)?.url ?? null;
  }

  isUp(name: ServiceName): boolean {
    const service = this.running.get(name);
    return !!service && this.readyNow.has(service);
  }

  restarts(): number {
    return [...this.starts.values()].reduce((s, n) => s + n - 1, 0);
  }

  async ready(names: readonly ServiceName[], timeoutMs: number): Promise<void> {
    await Promise.all(names.map((n) => this.running.get(n)!.ready(timeoutMs)));
  }

  /** SIGKILL, then a new process after `downMs`; resolves once the new process is spawned. */
  async killAndRestart(name: ServiceName, downMs: number): Promise<void> {
    const service = this.running.get(name);
    if (!service) return;
    this.killedByUs.add(service.process);
    this.running.delete(name);
    this.kills.push({ service: name, atS: this.now(), downMs });
    await service.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, downMs));
    if (!this.stopping) await this.start(name);
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.running.values()].map((s) => stopChild(s.process)));
    this.running.clear();
  }
}

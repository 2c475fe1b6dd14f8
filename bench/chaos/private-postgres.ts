import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../test/support/services';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** PostgreSQL refuses to run as root, so the cluster belongs to the `postgres` user when we are root. */
function asOwner(args: string[]): [string, string[]] {
  if (process.getuid?.() === 0) return ['runuser', ['-u', 'postgres', '--', ...args]];
  return [args[0], args.slice(1)];
}

function run(args: string[]): void {
  const [cmd, rest] = asOwner(args);
  execFileSync(cmd, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A PostgreSQL cluster of the chaos run's own (initdb into a temporary directory, a free port), so it can be
 * restarted at will without touching the PostgreSQL other tests share.
 */
export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get dataDir() {
    return join(this.dir, 'data');
  }

  url(database = 'postgres') {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  static async start(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'draftdesk-chaos-pg-'));
    if (process.getuid?.() === 0)
      chownSync(
        dir,
        Number(execFileSync('id', ['-u', 'postgres']).toString()),
        Number(execFileSync('id', ['-g', 'postgres']).toString()),
      );
    const pg = new PrivatePostgres(dir, await freePort());
    run([join(PG_BIN, 'initdb'), '-D', pg.dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    // fsync off: the OS page cache survives a PostgreSQL crash, and the run's data is thrown away afterwards.
    // synchronous_commit stays on, so an immediate shutdown loses nothing that was acknowledged.
    const options = [
      `-p ${pg.port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${dir}`,
      '-c fsync=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
      '-c shared_buffers=128MB',
    ].join(' ');
    run([
      join(PG_BIN, 'pg_ctl'),
      '-D',
      pg.dataDir,
      '-l',
      join(dir, 'postgres.log'),
      '-w',
      '-t',
      '60',
      '-o',
      options,
      'start',
    ]);
    const admin = new Client({ connectionString: pg.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE draftdesk');
    await admin.end();
    return pg;
  }

  /** `pg_ctl restart -m immediate`: every connection is cut, the server recovers from its WAL. */
  restart(mode: 'fast' | 'immediate' = 'immediate'): void {
    run([
      join(PG_BIN, 'pg_ctl'),
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'postgres.log'),
      '-w',
      '-t',
      '60',
      '-m',
      mode,
      'restart',
    ]);
  }

  /** Synchronous, so it also works from a signal handler. */
  stopSync(): void {
    const [cmd, rest] = asOwner([join(PG_BIN, 'pg_ctl'), '-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
    spawnSync(cmd, rest, { stdio: 'ignore' });
    rmSync(this.dir, { recursive: true, force: true });
  }
}

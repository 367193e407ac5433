import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` OS user. */
const asRoot = process.getuid?.() === 0;
const SERVER_USER = 'postgres';

function command(program: string, args: string[]): Promise<{ stdout: string }> {
  return asRoot ? run('runuser', ['-u', SERVER_USER, '--', program, ...args]) : run(program, args);
}

/**
 * A PostgreSQL cluster of the test's own (initdb, then pg_ctl) on a fixed loopback port, which the
 * test can stop and start again, or freeze (SIGSTOP of the postmaster and of every backend: it keeps
 * accepting connections and never answers) and thaw. Nothing is durable: fsync is off.
 */
export class PostgresServer {
  private constructor(
    private readonly directory: string,
    readonly port: number,
  ) {}

  static async create(port: number): Promise<PostgresServer> {
    const directory = mkdtempSync(join(tmpdir(), 'postgres-server-'));
    if (asRoot) {
      const { stdout } = await run('id', ['-u', SERVER_USER]);
      const { stdout: group } = await run('id', ['-g', SERVER_USER]);
      chownSync(directory, Number(stdout.trim()), Number(group.trim()));
    }
    const server = new PostgresServer(directory, port);
    await command('initdb', ['-D', server.dataDirectory, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    await server.start();
    return server;
  }

  private get dataDirectory(): string {
    return join(this.directory, 'data');
  }

  /** The URL of a database of this cluster. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async createDatabase(name: string): Promise<string> {
    const client = new Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** Starts the server and waits until it accepts connections (pg_ctl -w). */
  async start(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.directory} -c fsync=off`;
    const log = join(this.directory, 'server.log');
    await command('pg_ctl', ['start', '-w', '-D', this.dataDirectory, '-l', log, '-o', options]);
  }

  /** Fast shutdown: open sessions are terminated (SQLSTATE 57P01), then connections are refused. */
  async stop(): Promise<void> {
    await command('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', this.dataDirectory]);
  }

  /** Stops the postmaster, then each of its processes: connections are accepted by the kernel, never answered. */
  freeze(): void {
    for (const pid of this.processes()) process.kill(pid, 'SIGSTOP');
  }

  /** Resumes the processes that freeze() stopped, backends first, so that the postmaster finds them running. */
  thaw(): void {
    for (const pid of this.processes().reverse()) process.kill(pid, 'SIGCONT');
  }

  /** Stops the server at once, whatever its state, and removes its files. */
  async destroy(): Promise<void> {
    try {
      this.thaw();
      await command('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', this.dataDirectory]);
    } catch {
      // Not running.
    } finally {
      rmSync(this.directory, { recursive: true, force: true });
    }
  }

  /** The postmaster (first line of postmaster.pid), then its children from /proc. */
  private processes(): number[] {
    const postmaster = Number(readFileSync(join(this.dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => parentOf(Number(pid)) === postmaster)
      .map(Number);
    return [postmaster, ...children];
  }
}

/** The parent's pid from /proc/<pid>/stat (its fourth field, after the parenthesised command name). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

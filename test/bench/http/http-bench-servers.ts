import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../support/redis-server';

const ROOT = join(__dirname, '..', '..', '..');
/** USER_HZ of /proc/<pid>/stat on Linux. */
const TICK_MS = 10;

/**
 * An HTTP server of the bench in a process of its own (TypeScript through ts-node, transpile only):
 * the load generator then never shares an event loop with the server it measures.
 */
export class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /**
   * Starts `entry` and answers once `readyPath` answers 200, within `readyWithinMs` (2 minutes);
   * it listens on `port` (a free one by default), which it reads from the variable `portVariable`
   * (PORT; the worker's is WORKER_PORT). A server not ready in time is stopped.
   */
  static async start(
    entry: string,
    env: Record<string, string>,
    readyPath: string,
    {
      port,
      portVariable = 'PORT',
      readyWithinMs = 120_000,
    }: { port?: number; portVariable?: string; readyWithinMs?: number } = {},
  ): Promise<ServerProcess> {
    port ??= await freePort();
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry],
      {
        cwd: ROOT,
        env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json', ...env, [portVariable]: String(port) },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`);
    try {
      await server.untilReady(readyPath, readyWithinMs);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** CPU time (user and system, ms) the process has used so far, from /proc (Linux). */
  cpuMs(): number {
    const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }

  private async untilReady(path: string, withinMs: number): Promise<void> {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the server exited with code ${this.child.exitCode}`);
      const ready = await fetch(`${this.url}${path}`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the server did not answer ${path} within ${withinMs / 1000} s`);
  }
}

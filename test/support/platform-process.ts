import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { recordChild } from './child-processes';
import { freePort } from './redis-server';
import { TS_SOURCES_ENV, TS_SOURCES_REQUIRE } from './ts-sources';

const ROOT = join(__dirname, '..', '..');

/** The platform's processes and the variable naming the port each listens on. */
const PORT_VARIABLE = { api: 'PORT', worker: 'WORKER_PORT' } as const;

export type PlatformApp = keyof typeof PORT_VARIABLE;

const LOG_TAIL_LINES = 20;

/**
 * The API or the worker as a process of its own (apps/<app>/src/main.ts as the sources stand, see
 * TS_SOURCES_REQUIRE), on a free loopback port, which a test can stop with a signal as an operator or a
 * crash would. Several may run side by side on the same database and Redis.
 */
export class PlatformProcess {
  private readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines the process logged, for a test to show when the process ended otherwise than expected. */
  private readonly logTail: string[] = [];

  private constructor(
    readonly app: PlatformApp,
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      this.logTail.push(...chunk.split('\n').filter(Boolean));
      this.logTail.splice(0, this.logTail.length - LOG_TAIL_LINES);
    });
  }

  /** The last LOG_TAIL_LINES lines it logged (its standard output). */
  get lastLogLines(): string[] {
    return [...this.logTail];
  }

  /** Answers once the process is ready; one not ready within `readyWithinMs` is killed and the start fails. */
  static async start(app: PlatformApp, env: Record<string, string>, readyWithinMs = 60_000): Promise<PlatformProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [...TS_SOURCES_REQUIRE, `apps/${app}/src/main.ts`], {
      cwd: ROOT,
      env: { ...process.env, ...TS_SOURCES_ENV, ...env, [PORT_VARIABLE[app]]: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    recordChild(child);
    const started = new PlatformProcess(app, child, port);
    try {
      await started.untilReady(readyWithinMs);
    } catch (error) {
      await started.stop('SIGKILL');
      throw error;
    }
    return started;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Where it answers HTTP, on the loopback interface. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Sends the signal and answers how the process ended; with `killAfterMs`, a process still there
   * after that long is killed (SIGKILL), so that one that does not shut down cannot outlive its suite.
   */
  async stop(
    signal: NodeJS.Signals,
    killAfterMs?: number,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.exited) return this.exit;
    this.child.kill(signal);
    if (killAfterMs === undefined) return this.exit;
    const kill = setTimeout(() => this.child.kill('SIGKILL'), killAfterMs);
    try {
      return await this.exit;
    } finally {
      clearTimeout(kill);
    }
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  private async untilReady(withinMs: number): Promise<void> {
    const deadline = Date.now() + withinMs;
    let last = 'no answer';
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`the ${this.app} exited with code ${this.child.exitCode}`);
      const ready = await fetch(`${this.baseUrl}/health/ready`).then(
        async (r) => {
          last = `${r.status} ${await r.text()}`;
          return r.ok;
        },
        () => false,
      );
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the ${this.app} did not become ready within ${withinMs / 1000} s (last readiness: ${last})`);
  }
}

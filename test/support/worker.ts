import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { withEnv } from './async';
import { freePort } from './redis-server';

/** The worker in the test's own process, with the given environment. */
export async function startWorker(env: Record<string, string> = {}): Promise<INestApplicationContext> {
  return withEnv(env, async () => (await Test.createTestingModule({ imports: [WorkerModule] }).compile()).init());
}

const ROOT = join(__dirname, '..', '..');

/**
 * The worker as a process of its own (apps/worker/src/main.ts through ts-node), which a test can
 * stop with a signal as an operator or a crash would.
 */
export class WorkerProcess {
  private readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Answers once the worker is ready; one not ready within `readyWithinMs` is killed and the start fails. */
  static async start(env: Record<string, string>, readyWithinMs = 60_000): Promise<WorkerProcess> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json', ...env, WORKER_PORT: String(port) },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const worker = new WorkerProcess(child, port);
    try {
      await worker.untilReady(readyWithinMs);
    } catch (error) {
      await worker.stop('SIGKILL');
      throw error;
    }
    return worker;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Sends the signal and answers how the process ended. */
  async stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exit;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  private async untilReady(withinMs: number): Promise<void> {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`the worker exited with code ${this.child.exitCode}`);
      const ready = await fetch(`http://127.0.0.1:${this.port}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the worker did not become ready within ${withinMs / 1000} s`);
  }
}

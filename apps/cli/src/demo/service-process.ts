import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A process of the platform (api or worker), started from the build as it runs in production. */
export class ServiceProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {}

  /** Its JSON logs (stdout) go to `logFile`, so that an error id in an API answer can be looked up. */
  static async start(
    app: 'api' | 'worker',
    env: Record<string, string>,
    port: number,
    logFile: string,
  ): Promise<ServiceProcess> {
    const entry = join(__dirname, '..', '..', '..', app, 'src', 'main.js');
    const portVariable = app === 'api' ? 'PORT' : 'WORKER_PORT';
    mkdirSync(dirname(logFile), { recursive: true });
    const log = openSync(logFile, 'w');
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, ...env, [portVariable]: String(port) },
      stdio: ['ignore', log, 'inherit'],
    });
    // The child holds its own copy of the descriptor.
    closeSync(log);
    const service = new ServiceProcess(child, `http://127.0.0.1:${port}`);
    await service.waitUntilReady(app);
    return service;
  }

  /** Resolves once /health/ready answers 200; fails if the process dies or a minute passes (a busy machine). */
  private async waitUntilReady(app: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.hasExited()) throw new Error(`the ${app} exited (${this.child.exitCode ?? this.child.signalCode})`);
      const ready = await fetch(`${this.baseUrl}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the ${app} did not become ready within 60 s`);
  }

  /** Resolves when the process ends (on Ctrl-C with --serve). */
  exited(): Promise<void> {
    if (this.hasExited()) return Promise.resolve();
    return new Promise((resolve) => this.child.once('exit', () => resolve()));
  }

  /** SIGTERM, then SIGKILL if the process is still there after `graceMs` (a job that never ends must not hang the demo). */
  async stop(graceMs = 30_000): Promise<void> {
    if (this.hasExited()) return;
    const exited = this.exited();
    this.child.kill('SIGTERM');
    const forced = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(forced);
  }

  /** Ended by itself or by a signal (a Ctrl-C reaches the whole process group). */
  private hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }
}

import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** A process of the platform (api or worker), started from the build as it runs in production. */
export class ServiceProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {}

  static async start(app: 'api' | 'worker', env: Record<string, string>, port: number): Promise<ServiceProcess> {
    const entry = join(__dirname, '..', '..', '..', app, 'src', 'main.js');
    const portVariable = app === 'api' ? 'PORT' : 'WORKER_PORT';
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, ...env, [portVariable]: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const service = new ServiceProcess(child, `http://127.0.0.1:${port}`);
    await service.waitUntilReady(app);
    return service;
  }

  /** Resolves once /health/ready answers 200; fails if the process dies or 30 s pass. */
  private async waitUntilReady(app: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the ${app} exited with code ${this.child.exitCode}`);
      const ready = await fetch(`${this.baseUrl}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the ${app} did not become ready within 30 s`);
  }

  /** Resolves when the process ends (on Ctrl-C with --serve). */
  exited(): Promise<void> {
    return new Promise((resolve) => this.child.once('exit', () => resolve()));
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = this.exited();
    this.child.kill('SIGTERM');
    await exited;
  }
}

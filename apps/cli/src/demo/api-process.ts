import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** The real API, started as its own process from the build, as it runs in production. */
export class ApiProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {}

  static async start(env: Record<string, string>, port: number): Promise<ApiProcess> {
    const entry = join(__dirname, '..', '..', '..', 'api', 'src', 'main.js');
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const api = new ApiProcess(child, `http://127.0.0.1:${port}`);
    await api.waitUntilReady();
    return api;
  }

  /** Resolves once /health/ready answers 200; fails if the process dies or 30 s pass. */
  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the API exited with code ${this.child.exitCode}`);
      const ready = await fetch(`${this.baseUrl}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the API did not become ready within 30 s');
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

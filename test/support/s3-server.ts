import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordChild } from './child-processes';
import { freePort, killAndWait } from './redis-server';

const S3RVER_BIN = join(__dirname, '../../node_modules/s3rver/bin/s3rver.js');

/** Answers once the server answers HTTP at all (S3 errors included), polling, or throws when the time is up. */
async function waitForHttp(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answered = await new Promise<boolean>((resolve) => {
      const probe = request({ host: '127.0.0.1', port, path: '/', method: 'GET', timeout: 500 }, (res) => {
        res.resume();
        resolve(true);
      });
      probe.once('error', () => resolve(false));
      probe.once('timeout', () => probe.destroy());
      probe.end();
    });
    if (answered) return;
    if (Date.now() > deadline) throw new Error(`s3rver on port ${port} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * An S3-compatible server of the test's own (s3rver, in its own process), serving one bucket from a
 * temporary directory on a fixed loopback port: it can be killed and started again on the same port
 * and directory, where what it stored is still there. Its credentials are s3rver's fixed pair.
 */
export class S3Server {
  readonly bucket = 'documents';
  private process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    readonly directory: string,
  ) {}

  static async start(): Promise<S3Server> {
    const server = new S3Server(await freePort(), mkdtempSync(join(tmpdir(), 's3rver-')));
    await server.start();
    return server;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The settings that point the platform's S3 driver at this server. */
  get env(): Record<string, string> {
    return {
      DOCUMENT_STORAGE: 's3',
      S3_ENDPOINT: this.endpoint,
      S3_REGION: 'eu-west-1',
      S3_BUCKET: this.bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
      S3_REQUEST_TIMEOUT_MS: '5000',
    };
  }

  async start(): Promise<void> {
    if (this.process) throw new Error('s3rver is already running');
    const args = [S3RVER_BIN, '-d', this.directory, '-a', '127.0.0.1', '-p', String(this.port), '--silent'];
    const child = spawn(process.execPath, [...args, '--configure-bucket', this.bucket], { stdio: 'ignore' });
    this.process = child;
    recordChild(child);
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) => reject(new Error(`s3rver exited (${code ?? signal})`))),
    );
    exited.catch(() => undefined);
    await Promise.race([waitForHttp(this.port, 15_000), exited]);
  }

  /** Kills the server (SIGKILL: no clean shutdown) and waits until it has exited; its directory stays. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (child) await killAndWait(child);
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.directory, { recursive: true, force: true });
  }
}

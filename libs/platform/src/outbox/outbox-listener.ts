import { Logger } from '@nestjs/common';
import { Client } from 'pg';

/** The channel the outbox's insert trigger notifies (migration OutboxNotify). */
export const OUTBOX_CHANNEL = 'outbox';

export interface OutboxListenerOptions {
  databaseUrl: string;
  connectTimeoutMs: number;
  /** Wait before connecting again after the connection was lost or refused. */
  retryMs: number;
  /** Called on every notification, and on every (re)connection: rows may have come meanwhile. */
  onWake: () => void;
}

/**
 * One dedicated connection that LISTENs to the outbox channel and wakes the relay. It reconnects by
 * itself after PostgreSQL went away; while it is down, the relay's polling still sends everything.
 */
export class OutboxListener {
  private readonly logger = new Logger(OutboxListener.name);
  private client: Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: OutboxListenerOptions) {}

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    // A frozen server never acknowledges the goodbye: do not let it hold the shutdown.
    if (client) await bounded(client.end(), this.options.connectTimeoutMs);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.options.databaseUrl,
      connectionTimeoutMillis: this.options.connectTimeoutMs,
      // Notices a server that vanished without closing, as the pool's connections do.
      keepAlive: true,
    });
    client.on('notification', () => this.options.onWake());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.stopped) {
      await bounded(client.end(), this.options.connectTimeoutMs);
      return;
    }
    this.client = client;
    this.options.onWake();
  }

  /** Called once or more per lost client (error then end): only the first schedules a reconnection. */
  private lost(client: Client, error?: unknown): void {
    client.removeAllListeners('error');
    client.removeAllListeners('end');
    // A late error of a client already given up must not crash the process.
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    if (this.client === client) this.client = undefined;
    if (this.stopped || this.retry) return;
    this.logger.warn({ err: error }, 'Outbox notifications lost; polling until they are back');
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, this.options.retryMs);
  }
}

function bounded(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  ]).finally(() => clearTimeout(timer));
}

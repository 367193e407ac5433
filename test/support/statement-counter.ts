import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';

type Query = PoolClient['query'];
const counted = new WeakSet<PoolClient>();

/**
 * Records the SQL statements an app sends to PostgreSQL, on every connection its pool lends, as the
 * driver sends them: BEGIN (`START TRANSACTION`), COMMIT and ROLLBACK each count as one statement,
 * like any SELECT. Nothing is timed: a test asserts how many statements a request costs.
 */
export class StatementCounter {
  private recording: string[] | undefined;

  private constructor(pool: Pool) {
    const connect = pool.connect.bind(pool) as (callback: (...args: unknown[]) => void) => void;
    // TypeORM borrows a connection per query runner through the callback form of connect().
    pool.connect = ((callback?: (error: Error | undefined, client: PoolClient, release: () => void) => void) => {
      if (!callback) throw new Error('StatementCounter expects the callback form of Pool.connect');
      connect((error: unknown, client: unknown, release: unknown) => {
        if (client) this.watch(client as PoolClient);
        callback(error as Error | undefined, client as PoolClient, release as () => void);
      });
    }) as Pool['connect'];
  }

  /** Counts the statements of the app's TypeORM connection from now on. */
  static attach(dataSource: DataSource): StatementCounter {
    return new StatementCounter((dataSource.driver as unknown as { master: Pool }).master);
  }

  /** The statements sent while `work` ran, in order, with what `work` answered. */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    if (this.recording) throw new Error('StatementCounter records one piece of work at a time');
    const statements: string[] = [];
    this.recording = statements;
    try {
      return { result: await work(), statements };
    } finally {
      this.recording = undefined;
    }
  }

  private watch(client: PoolClient): void {
    if (counted.has(client)) return;
    counted.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const [statement] = args as [string | { text: string }];
      this.recording?.push(typeof statement === 'string' ? statement : statement.text);
      return query(...args);
    }) as Query;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * A unit of work; repositories take it so that a service can span several in one transaction. Only
 * the statements repositories send: nothing that opens a transaction of its own, releases the
 * connection or reaches the data source behind it.
 */
export type Transaction = Pick<
  EntityManager,
  | 'query'
  | 'createQueryBuilder'
  | 'create'
  | 'find'
  | 'findAndCount'
  | 'findOne'
  | 'findOneBy'
  | 'findOneOrFail'
  | 'findOneByOrFail'
  | 'exists'
  | 'insert'
  | 'save'
  | 'update'
  | 'delete'
>;

@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * In READ COMMITTED, PostgreSQL's default: naming the level would send a SET TRANSACTION statement
   * after every BEGIN.
   */
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Reads the rows of one SELECT through a cursor, `batchSize` at a time, handing each batch to `each`
   * and waiting for it before fetching the next: one consistent snapshot of any size, never held
   * whole in memory. The connection stays lent until the last batch is handled.
   */
  forEachBatch<Row>(
    select: string,
    params: unknown[],
    batchSize: number,
    each: (rows: Row[]) => Promise<void>,
  ): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`DECLARE batches NO SCROLL CURSOR FOR ${select}`, params);
      for (;;) {
        const rows = (await tx.query(`FETCH FORWARD ${batchSize} IN batches`)) as Row[];
        if (rows.length > 0) await each(rows);
        if (rows.length < batchSize) return;
      }
    });
  }

  /** The autocommit manager: each statement commits on its own; for reads outside any transaction. */
  get autocommit(): Transaction {
    return this.dataSource.manager;
  }
}

/** The database server's clock: one clock for every API replica, so deadlines mean the same everywhere. */
export async function databaseNow(tx: Transaction): Promise<Date> {
  const [row] = (await tx.query('SELECT clock_timestamp() AS now')) as Array<{ now: Date }>;
  return row.now;
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A unit of work; repositories take it so that a service can span several in one transaction. */
export type Transaction = EntityManager;

@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
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

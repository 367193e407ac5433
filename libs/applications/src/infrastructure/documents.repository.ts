import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import { DocumentEntity } from './application.entities';

export type DocumentInfo = Omit<DocumentEntity, 'content' | 'storageKey'>;

/** Where a document's bytes are: in its row, or under a key of the object store. */
export type DocumentWithBytes = DocumentInfo &
  ({ content: Buffer; storageKey: null } | { content: null; storageKey: string });

@Injectable()
export class DocumentsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(
    tx: Transaction,
    document: Omit<DocumentEntity, 'id' | 'createdAt' | 'storageKey'> & { id?: string; storageKey?: string | null },
  ): Promise<DocumentInfo> {
    const result = await tx.insert(DocumentEntity, document);
    const id = (result.identifiers[0] as { id: string }).id;
    return tx.findOneByOrFail(DocumentEntity, { id });
  }

  async listFor(applicationIds: string[], tx: Transaction = this.transactions.autocommit): Promise<DocumentInfo[]> {
    if (applicationIds.length === 0) return [];
    return tx
      .createQueryBuilder(DocumentEntity, 'd')
      .where('d.application_id = ANY(CAST(:ids AS uuid[]))', { ids: applicationIds })
      .orderBy('d.created_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getMany();
  }

  /** What the application's documents take; call it holding the application's row. */
  async usage(tx: Transaction, applicationId: string): Promise<{ count: number; bytes: number }> {
    const [row] = (await tx.query(
      `SELECT count(*)::int AS count, coalesce(sum(size), 0)::float8 AS bytes FROM documents WHERE application_id = $1`,
      [applicationId],
    )) as Array<{ count: number; bytes: number }>;
    return row;
  }

  async findWithContent(applicationId: string, id: string): Promise<DocumentWithBytes | null> {
    const document = await this.transactions.autocommit
      .createQueryBuilder(DocumentEntity, 'd')
      .addSelect(['d.content', 'd.storageKey'])
      .where('d.id = :id AND d.application_id = :applicationId', { id, applicationId })
      .getOne();
    return document as DocumentWithBytes | null;
  }

  /** Deletes the row; answers whether there was one and the key of its object, if it had one. */
  async delete(tx: Transaction, applicationId: string, id: string): Promise<{ storageKey: string | null } | null> {
    const [rows] = (await tx.query(
      `DELETE FROM documents WHERE id = $1 AND application_id = $2 RETURNING storage_key`,
      [id, applicationId],
    )) as [Array<{ storage_key: string | null }>, number];
    return rows.length > 0 ? { storageKey: rows[0].storage_key } : null;
  }
}

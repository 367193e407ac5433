import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import { DocumentEntity } from './application.entities';

export type DocumentInfo = Omit<DocumentEntity, 'content'>;

@Injectable()
export class DocumentsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(tx: Transaction, document: Omit<DocumentEntity, 'id' | 'createdAt'>): Promise<DocumentInfo> {
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

  async findWithContent(applicationId: string, id: string): Promise<DocumentEntity | null> {
    return this.transactions.autocommit
      .createQueryBuilder(DocumentEntity, 'd')
      .addSelect('d.content')
      .where('d.id = :id AND d.application_id = :applicationId', { id, applicationId })
      .getOne();
  }

  async delete(tx: Transaction, applicationId: string, id: string): Promise<boolean> {
    const result = await tx.delete(DocumentEntity, { id, applicationId });
    return (result.affected ?? 0) > 0;
  }
}

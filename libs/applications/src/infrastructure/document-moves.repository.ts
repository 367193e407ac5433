import { Injectable } from '@nestjs/common';
import { Transactions } from '@app/platform';
import { MovableFiles, RowsOfFiles } from '@app/platform/storage';
import { clarificationObjectKey, documentObjectKey } from '../application/document-bytes';

/** The tables of this context whose rows hold files, as `documents:move` walks them. */
@Injectable()
export class DocumentMovesRepository {
  readonly tables: MovableFiles[];

  constructor(transactions: Transactions) {
    this.tables = [
      new RowsOfFiles(transactions, {
        label: 'application documents',
        table: 'documents',
        idColumn: 'id',
        objectKey: documentObjectKey,
      }),
      new RowsOfFiles(transactions, {
        label: 'clarification documents',
        table: 'clarification_documents',
        idColumn: 'clarification_id',
        objectKey: clarificationObjectKey,
      }),
    ];
  }
}

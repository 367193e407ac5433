import { Injectable } from '@nestjs/common';
import { Transactions } from '@app/platform';
import { RowsOfFiles } from '@app/platform/storage';

/** The object key of an agreement's signed copy: its row's id, so that a rerun of a move writes the same object. */
export const signedCopyObjectKey = (copyId: string): string => `agreements/signed-copies/${copyId}`;

/** Agreements' signed copies, as `documents:move` walks them beside the applications' files. */
@Injectable()
export class SignedCopyMovesRepository extends RowsOfFiles {
  constructor(transactions: Transactions) {
    super(transactions, {
      label: 'signed agreement copies',
      table: 'agreement_signed_copies',
      idColumn: 'id',
      objectKey: signedCopyObjectKey,
    });
  }
}

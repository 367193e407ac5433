import { Module } from '@nestjs/common';
import { DocumentStorageMoveService } from './application/document-storage-move.service';
import { DocumentMovesRepository } from './infrastructure/document-moves.repository';

/** What `documents:move` needs of this context: its documents' rows, without the rest of the context. */
@Module({
  providers: [DocumentStorageMoveService, DocumentMovesRepository],
  exports: [DocumentStorageMoveService],
})
export class DocumentStorageMoveModule {}

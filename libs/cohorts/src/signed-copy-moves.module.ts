import { Module } from '@nestjs/common';
import { SignedCopyMovesRepository } from './infrastructure/signed-copy-moves.repository';

/** What `documents:move` needs of this context: its signed copies' rows, without the rest of the context. */
@Module({
  providers: [SignedCopyMovesRepository],
  exports: [SignedCopyMovesRepository],
})
export class SignedCopyMovesModule {}

import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DocumentMoveReport, DocumentStorageMoveModule, DocumentStorageMoveService } from '@app/applications';
import { SignedCopyMovesModule, SignedCopyMovesRepository } from '@app/cohorts';
import { DatabaseModule, platformConfig } from '@app/platform';
import {
  DOCUMENT_STORAGE_DRIVERS,
  DocumentStorageDriver,
  S3ObjectStorage,
  readS3Settings,
} from '@app/platform/storage';

interface MoveOptions {
  to: DocumentStorageDriver;
  limit?: number;
}

/** Only the database and the files' rows: the command needs neither Redis nor the rest of the contexts. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [platformConfig] }),
    DatabaseModule,
    DocumentStorageMoveModule,
    SignedCopyMovesModule,
  ],
})
class DocumentsMoveModule {}

/**
 * Moves stored files' bytes (application documents, clarification answers' documents, agreements'
 * signed copies) to the object store (`--to s3`) or back into PostgreSQL
 * (`--to postgres`), verifying each by SHA-256 before its row is switched. Safe to interrupt (Ctrl-C
 * stops after the document in hand; a kill is safe too) and to run again: it carries on where it was.
 * Reads the S3_* settings whatever DOCUMENT_STORAGE says; set DOCUMENT_STORAGE to the target afterwards.
 */
@Command({
  name: 'documents:move',
  description: 'Move stored documents between PostgreSQL and the S3 object store, verified by SHA-256',
})
export class DocumentsMoveCommand extends CommandRunner {
  async run(_args: string[], options: MoveOptions): Promise<void> {
    const storage = S3ObjectStorage.fromSettings(readS3Settings());
    const app = await NestFactory.createApplicationContext(DocumentsMoveModule, { logger: ['error', 'warn'] });
    const interrupted = new AbortController();
    const stop = () => interrupted.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      const report = await app.get(DocumentStorageMoveService).move(options.to, storage, {
        limit: options.limit,
        signal: interrupted.signal,
        others: [app.get(SignedCopyMovesRepository)],
      });
      process.stdout.write(describe(report, options.to));
      if (report.failed.length > 0) process.exitCode = 1;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      storage.destroy();
      await app.close();
    }
  }

  @Option({ flags: '--to <driver>', description: 'postgres or s3', required: true })
  parseTo(value: string): DocumentStorageDriver {
    if (!(DOCUMENT_STORAGE_DRIVERS as readonly string[]).includes(value)) {
      throw new Error(`--to must be one of ${DOCUMENT_STORAGE_DRIVERS.join(', ')}`);
    }
    return value as DocumentStorageDriver;
  }

  @Option({ flags: '--limit <count>', description: 'move at most this many documents in this run' })
  parseLimit(value: string): number {
    const limit = Number(value);
    if (!Number.isInteger(limit) || limit < 1) throw new Error('--limit must be a positive integer');
    return limit;
  }
}

function describe(report: DocumentMoveReport, target: DocumentStorageDriver): string {
  const lines = [`Moved ${report.moved} document(s) to ${target}; ${report.remaining} left to move.`];
  for (const { id, reason } of report.failed) lines.push(`Not moved: ${id}: ${reason}`);
  return `${lines.join('\n')}\n`;
}

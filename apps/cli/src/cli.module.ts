import { Module } from '@nestjs/common';
import { DemoCommand } from './demo/demo.command';
import { DocumentsBackupCommand, DocumentsRestoreCommand } from './commands/documents-backup.command';
import { DocumentsMoveCommand } from './commands/documents-move.command';
import { MigrateCommand } from './commands/migrate.command';

/** Admin commands; each opens only the connections it needs. */
@Module({
  providers: [MigrateCommand, DemoCommand, DocumentsMoveCommand, DocumentsBackupCommand, DocumentsRestoreCommand],
})
export class CliModule {}

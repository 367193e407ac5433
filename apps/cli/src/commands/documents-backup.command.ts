import { Command, CommandRunner, Option } from 'nest-commander';
import { ObjectStorage, S3ObjectStorage, readS3Settings } from '@app/platform/storage';
import { CopyReport, backUpFiles, restoreFiles } from '../backup/file-copies';
import { dumpedFiles } from '../backup/dumped-files';

interface CopyOptions {
  dump: string;
  /** documents:backup's folder. */
  out?: string;
  /** documents:restore's folder. */
  from?: string;
}

/**
 * The object store of the S3_* settings, opened at the first document kept there: a deployment whose
 * documents are all in PostgreSQL needs no S3 setting.
 */
class LazyStorage {
  private storage: S3ObjectStorage | undefined;
  readonly get = (): ObjectStorage => (this.storage ??= S3ObjectStorage.fromSettings(readS3Settings()));
  destroy(): void {
    this.storage?.destroy();
  }
}

async function copy(
  work: typeof backUpFiles,
  dump: string,
  folder: string,
  describe: (report: CopyReport) => string,
): Promise<void> {
  const storage = new LazyStorage();
  try {
    const report = await work(dumpedFiles(dump), folder, storage.get);
    const lines = [describe(report), ...report.failed.map(({ file, reason }) => `Failed: ${file}: ${reason}`)];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (report.failed.length > 0) process.exitCode = 1;
  } finally {
    storage.destroy();
  }
}

const dumpOption = {
  flags: '--dump <file>',
  description: 'the pg_dump (custom format) whose rows name the documents',
  required: true,
};

/**
 * Copies the objects of the stored files (documents, attachments, signed copies) a database dump references from the object store into a
 * folder, each checked against its row's SHA-256 and size (scripts/backup.sh runs it after pg_dump).
 */
@Command({
  name: 'documents:backup',
  description: "Copy the object store's documents that a database dump references into a folder, verified by SHA-256",
})
export class DocumentsBackupCommand extends CommandRunner {
  async run(_args: string[], options: CopyOptions): Promise<void> {
    const folder = options.out ?? '';
    await copy(backUpFiles, options.dump, folder, (report) => {
      const inRows = `${report.inRows} file(s) kept in PostgreSQL checked`;
      return `Copied ${report.objects} object(s) into ${folder}; ${inRows}.`;
    });
  }

  @Option(dumpOption)
  parseDump(value: string): string {
    return value;
  }

  @Option({ flags: '--out <folder>', description: 'where the objects go, at the paths of their keys', required: true })
  parseFolder(value: string): string {
    return value;
  }
}

/**
 * Puts back into the object store of the S3_* settings the objects of a restored dump's stored files
 * from a backup's folder, each read back and checked against its row's SHA-256 (scripts/restore.sh).
 */
@Command({
  name: 'documents:restore',
  description: "Put a backup's objects into the object store, each read back and verified by SHA-256",
})
export class DocumentsRestoreCommand extends CommandRunner {
  async run(_args: string[], options: CopyOptions): Promise<void> {
    await copy(restoreFiles, options.dump, options.from ?? '', (report) => {
      const inRows = `${report.inRows} file(s) are kept in PostgreSQL`;
      return `Restored ${report.objects} object(s) to the object store; ${inRows}.`;
    });
  }

  @Option(dumpOption)
  parseDump(value: string): string {
    return value;
  }

  @Option({ flags: '--from <folder>', description: "the backup's objects folder", required: true })
  parseFolder(value: string): string {
    return value;
  }
}

import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Observable, finalize } from 'rxjs';
import { measure } from '@app/platform/storage';

/** The name of this process's spooled uploads begins so (the process id tells a stray file's owner). */
export const spooledUploadPrefix = (): string => `upload-${process.pid}-`;

/** What the spool adds to multer's description of a file: where its bytes wait, and their SHA-256. */
interface Spooled {
  path: string;
  size: number;
  sha256: string;
}

/**
 * Multer's storage for uploads: the part streams to a temporary file as it arrives, counted and
 * hashed on the way, so no upload is ever held in memory whole. Multer's `fileSize` limit ends the
 * part as soon as it is exceeded; multer then calls `_removeFile`, and nothing is kept. The file's
 * type is decided from the spooled bytes (a DOCX's directory is at its end), and then it streams to
 * the document store. RemoveSpooledFile deletes it once the request is answered.
 */
export class SpoolingStorage implements StorageEngine {
  constructor(private readonly directory: () => string = tmpdir) {}

  _handleFile(
    _req: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<Express.Multer.File> & Spooled) => void,
  ): void {
    const path = join(this.directory(), `${spooledUploadPrefix()}${randomUUID()}`);
    const measured = measure(file.stream);
    pipeline(measured, createWriteStream(path, { flags: 'wx', mode: 0o600 })).then(
      () => callback(null, { path, size: measured.bytesSeen, sha256: measured.sha256() }),
      (error: unknown) => {
        void rm(path, { force: true }).finally(() => callback(error));
      },
    );
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    const { path } = file as Partial<Spooled>;
    if (!path) return callback(null);
    rm(path, { force: true }).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }
}

/** Deletes the request's spooled upload once the handler is done with it, whatever its outcome. */
@Injectable()
export class RemoveSpooledFile implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      finalize(() => {
        const path = (request.file as Partial<Spooled> | undefined)?.path;
        if (path) void rm(path, { force: true });
      }),
    );
  }
}

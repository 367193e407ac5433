import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MeasuringStream, ObjectStorage } from '@app/platform/storage';
import { DumpedFile } from './dumped-files';

export interface CopyReport {
  /** Objects copied and verified against their rows' SHA-256. */
  objects: number;
  /** Files whose bytes the row keeps, their hash checked. */
  inRows: number;
  failed: Array<{ file: string; reason: string }>;
}

/** Objects copied at once: the store answers each in tens of milliseconds, one at a time would crawl. */
const WIDTH = 4;

/**
 * Copies into `folder` the object of each dumped file kept in the object store, at the path of its
 * key, checking the bytes against the row's SHA-256 and size; checks the hash of the bytes each other
 * row keeps itself. A file that fails is listed; the rest go on.
 */
export async function backUpFiles(
  files: AsyncIterable<DumpedFile>,
  folder: string,
  storage: () => ObjectStorage,
): Promise<CopyReport> {
  const report: CopyReport = { objects: 0, inRows: 0, failed: [] };
  await forEachAtMost(WIDTH, files, report, async (file) => {
    if (file.storageKey === null) {
      report.inRows += 1;
      const mismatch = differs(file, measured(file.content ?? Buffer.alloc(0)));
      if (mismatch) report.failed.push({ file: file.label, reason: `its row's bytes ${mismatch}` });
      return;
    }
    const path = objectPath(folder, file.storageKey);
    const object = await storage().get(file.storageKey);
    if (!object) return void report.failed.push({ file: file.label, reason: `no object ${file.storageKey}` });
    mkdirSync(dirname(path), { recursive: true });
    const measuring = new MeasuringStream();
    await pipeline(object.body, measuring, createWriteStream(path, { flags: 'wx' }));
    const mismatch = differs(file, { size: measuring.bytesSeen, sha256: measuring.sha256() });
    if (mismatch) return void report.failed.push({ file: file.label, reason: `its object ${mismatch}` });
    report.objects += 1;
  });
  return report;
}

/**
 * Puts into the object store, from `folder`, the object of each dumped file kept there, then reads
 * it back: each must hash to its row's SHA-256 on the way in and on the way out.
 */
export async function restoreFiles(
  files: AsyncIterable<DumpedFile>,
  folder: string,
  storage: () => ObjectStorage,
): Promise<CopyReport> {
  const report: CopyReport = { objects: 0, inRows: 0, failed: [] };
  await forEachAtMost(WIDTH, files, report, async (file) => {
    if (file.storageKey === null) return void (report.inRows += 1);
    const path = objectPath(folder, file.storageKey);
    if (!existsSync(path)) return void report.failed.push({ file: file.label, reason: `${path} is missing` });
    const stored = await storage().put(file.storageKey, createReadStream(path), {
      contentType: file.mimeType,
    });
    const written = differs(file, stored);
    if (written) return void report.failed.push({ file: file.label, reason: `the backup's copy ${written}` });
    const back = await storage().get(file.storageKey);
    if (!back) return void report.failed.push({ file: file.label, reason: 'the store did not keep it' });
    const measuring = new MeasuringStream();
    await pipeline(back.body, measuring, async (bytes: AsyncIterable<Buffer>) => {
      for await (const _chunk of bytes);
    });
    const read = differs(file, { size: measuring.bytesSeen, sha256: measuring.sha256() });
    if (read) return void report.failed.push({ file: file.label, reason: `what the store gives back ${read}` });
    report.objects += 1;
  });
  return report;
}

/**
 * Where an object's copy lives under `folder`: its key as a relative path, refused when it could
 * leave the folder or holds characters the platform never writes in one (`applications/documents/<id>`).
 */
export function objectPath(folder: string, key: string): string {
  const segments = key.split('/');
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(key) || segments.some((s) => s === '.' || s === '..')) {
    throw new Error(`refusing the object key ${JSON.stringify(key)} as a path`);
  }
  return join(folder, ...segments);
}

function measured(bytes: Buffer): { size: number; sha256: string } {
  return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** How the bytes differ from what the row says of them, or null when they match. */
function differs(file: DumpedFile, bytes: { size: number; sha256: string }): string | null {
  if (bytes.sha256 !== file.sha256) return `hash to ${bytes.sha256}, not the row's SHA-256 ${file.sha256}`;
  if (bytes.size !== file.size) return `are ${bytes.size} bytes, not the row's ${file.size}`;
  return null;
}

/** Runs `work` on each item as the source yields it, at most `width` at once; what it throws is the item's failure. */
async function forEachAtMost(
  width: number,
  source: AsyncIterable<DumpedFile>,
  report: CopyReport,
  work: (file: DumpedFile) => Promise<void>,
): Promise<void> {
  const running = new Set<Promise<void>>();
  for await (const file of source) {
    const task: Promise<void> = work(file)
      .catch((error: unknown) => void report.failed.push({ file: file.label, reason: (error as Error).message }))
      .finally(() => running.delete(task));
    running.add(task);
    if (running.size >= width) await Promise.race(running);
  }
  await Promise.all(running);
}

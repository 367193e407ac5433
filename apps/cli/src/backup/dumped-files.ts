import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * A stored file as a database dump holds its row: a document, a clarification's attachment, a signed
 * agreement; any row of a table with a `storage_key` column. Its bytes are in the row (`content`) or in
 * the object store under `storageKey`; `sha256` and `size` are what the row says of them.
 */
export interface DumpedFile {
  /** The table and the row's id (or its key), to name it in a report. */
  label: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string | null;
  content: Buffer | null;
}

const REQUIRED = ['size', 'sha256', 'storage_key'] as const;
const COPY_HEADER = /^COPY (?:[\w"]+\.)?"?(\w+)"? \((.+)\) FROM stdin;$/;
const CREATE_TABLE = /^CREATE TABLE (?:[\w"]+\.)?"?(\w+)"? \($/;
const END_OF_DATA = '\\.';

/**
 * The stored files of a custom-format dump, table by table (`pg_restore --data-only --table=…`): the
 * rows exactly as the dump's snapshot saw them, whatever the live database holds since.
 */
export async function* dumpedFiles(dumpFile: string): AsyncGenerator<DumpedFile> {
  const tables = tablesWithStorageKeys(await collect(pgRestoreLines(dumpFile, ['--schema-only'])));
  if (!tables.includes('documents')) {
    throw new Error(`${dumpFile} has no documents table with a storage_key column: is it a dump of this platform?`);
  }
  for (const table of tables) yield* parseCopy(pgRestoreLines(dumpFile, ['--data-only', `--table=${table}`]), table);
}

/** The tables whose CREATE TABLE, in a plain-text schema dump, has a `storage_key` column. */
export function tablesWithStorageKeys(lines: string[]): string[] {
  const tables: string[] = [];
  let current: string | undefined;
  for (const line of lines) {
    const created = CREATE_TABLE.exec(line);
    if (created) current = created[1];
    else if (line.startsWith(');')) current = undefined;
    else if (current && /^\s+"?storage_key"?\s/.test(line) && !tables.includes(current)) tables.push(current);
  }
  return tables;
}

/** The rows of the `COPY <table> (…) FROM stdin;` block among the lines of a plain-text dump. */
export async function* parseCopy(lines: AsyncIterable<string>, table: string): AsyncGenerator<DumpedFile> {
  let columns: string[] | undefined;
  let ended = false;
  // Read to the end, past the block: pg_restore is done only when its output is.
  for await (const line of lines) {
    if (ended) continue;
    if (!columns) {
      const header = COPY_HEADER.exec(line);
      if (header?.[1] === table) columns = columnNames(header[2], table);
      continue;
    }
    if (line === END_OF_DATA) {
      ended = true;
      continue;
    }
    const row = new Map(line.split('\t').map((field, index) => [columns![index], decodeCopyField(field)]));
    const storageKey = row.get('storage_key') ?? null;
    const content = row.get('content') ?? null;
    yield {
      label: `${table} ${row.get('id') ?? storageKey ?? '(no id)'}`,
      mimeType: row.get('mime_type') ?? 'application/octet-stream',
      size: Number(row.get('size')),
      sha256: row.get('sha256') ?? '',
      storageKey,
      content: content === null ? null : byteaFromText(content),
    };
  }
  // A table without rows has no COPY block at all.
  if (columns && !ended) throw new Error(`the dump ends inside the data of ${table}`);
}

function columnNames(list: string, table: string): string[] {
  const names = list.split(',').map((name) => name.trim().replace(/^"|"$/g, ''));
  const missing = REQUIRED.filter((column) => !names.includes(column));
  if (missing.length > 0) throw new Error(`the dump's ${table} has no column ${missing.join(', ')}`);
  return names;
}

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** One field of COPY's text format: `\N` is NULL; backslash escapes as PostgreSQL writes them. */
export function decodeCopyField(raw: string): string | null {
  if (raw === '\\N') return null;
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))/g, (_match, octal, hex, other: string) => {
    if (octal !== undefined) return String.fromCharCode(parseInt(octal as string, 8));
    if (hex !== undefined) return String.fromCharCode(parseInt(hex as string, 16));
    return ESCAPES[other] ?? other;
  });
}

/** A bytea value in PostgreSQL's hex output (`\x…`, the default `bytea_output`). */
function byteaFromText(text: string): Buffer {
  if (!text.startsWith('\\x')) throw new Error('a stored file in the dump is not in bytea hex format');
  return Buffer.from(text.slice(2), 'hex');
}

/** The lines pg_restore writes for the dump, with `args`; an error naming what it said when it fails. */
async function* pgRestoreLines(dumpFile: string, args: string[]): AsyncGenerator<string> {
  const child = spawn('pg_restore', [...args, '--file=-', dumpFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const errors: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  try {
    yield* lines;
  } finally {
    lines.close();
  }
  const code = await exited;
  if (code !== 0) throw new Error(`pg_restore could not read ${dumpFile}: ${Buffer.concat(errors).toString().trim()}`);
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

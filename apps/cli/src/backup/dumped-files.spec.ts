import { createHash } from 'node:crypto';
import { objectPath } from './file-copies';
import { decodeCopyField, parseCopy, tablesWithStorageKeys } from './dumped-files';

async function* linesOf(text: string): AsyncGenerator<string> {
  yield* text.split('\n');
}

async function rows(text: string, table: string) {
  const found = [];
  for await (const row of parseCopy(linesOf(text), table)) found.push(row);
  return found;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('reading stored files from a plain-text dump', () => {
  it('decodes COPY text fields: NULL, backslash escapes, octal and hex escapes', () => {
    expect(decodeCopyField('\\N')).toBeNull();
    expect(decodeCopyField('plain')).toBe('plain');
    expect(decodeCopyField('a\\tb\\nc\\\\d')).toBe('a\tb\nc\\d');
    expect(decodeCopyField('\\101\\x42')).toBe('AB');
    expect(decodeCopyField('\\\\x00ff')).toBe('\\x00ff');
  });

  it('reads the rows of its table, bytes in the row or a key, and nothing of other tables', async () => {
    const bytes = Buffer.from([0, 1, 2, 255]);
    const dump = [
      'SET client_encoding = UTF8;',
      'COPY public.other (id, storage_key, size, sha256) FROM stdin;',
      'x\tk\t1\ts',
      '\\.',
      'COPY public.documents (id, application_id, mime_type, size, sha256, content, storage_key) FROM stdin;',
      `d1\ta1\tapplication/pdf\t4\t${sha256(bytes)}\t\\\\x${bytes.toString('hex')}\t\\N`,
      `d2\ta1\tapplication/pdf\t9\tabc\t\\N\tapplications/documents/d2`,
      '\\.',
      '',
      '-- PostgreSQL database dump complete',
    ].join('\n');

    expect(await rows(dump, 'documents')).toEqual([
      {
        label: 'documents d1',
        mimeType: 'application/pdf',
        size: 4,
        sha256: sha256(bytes),
        storageKey: null,
        content: bytes,
      },
      {
        label: 'documents d2',
        mimeType: 'application/pdf',
        size: 9,
        sha256: 'abc',
        storageKey: 'applications/documents/d2',
        content: null,
      },
    ]);
  });

  it('reads no row of a table without data, and refuses a table without the columns it needs', async () => {
    expect(await rows('SET x = 1;\n', 'documents')).toEqual([]);
    await expect(rows('COPY public.documents (id, content) FROM stdin;\n\\.', 'documents')).rejects.toThrow(
      'no column size, sha256, storage_key',
    );
    await expect(
      rows('COPY public.documents (id, size, sha256, storage_key) FROM stdin;\nd\t1', 'documents'),
    ).rejects.toThrow('ends inside');
  });

  it('finds the tables that have a storage_key column in a schema dump', () => {
    const schema = [
      'CREATE TABLE public.documents (',
      '    id uuid NOT NULL,',
      '    storage_key text,',
      '    CONSTRAINT c CHECK ((storage_key IS NULL))',
      ');',
      'CREATE TABLE public.calls (',
      '    id uuid NOT NULL',
      ');',
      'CREATE TABLE public.agreement_signed_copies (',
      '    storage_key text',
      ');',
    ];
    expect(tablesWithStorageKeys(schema)).toEqual(['documents', 'agreement_signed_copies']);
  });

  it('places an object under the folder at its key, and refuses a key that would leave it', () => {
    expect(objectPath('/backup/objects', 'applications/documents/d2')).toBe(
      '/backup/objects/applications/documents/d2',
    );
    for (const key of ['../etc/passwd', 'a/../../b', '/absolute', 'a//b', 'spaced key', '']) {
      expect(() => objectPath('/backup/objects', key)).toThrow('refusing the object key');
    }
  });
});

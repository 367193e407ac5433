import fc from 'fast-check';
import { SAMPLE_PDF, SAMPLE_PNG } from './fixtures';
import type { Part } from './fuzz-requests';
import { hostileValue, jsonText } from './fuzz-values';

/** Multipart uploads: a valid form (a kind and a PDF) with one part changed, or a broken form. */

const BOUNDARY = 'fuzz-boundary-7d1c';

interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

function encode(parts: FormPart[], end = `--${BOUNDARY}--\r\n`): Buffer {
  const chunks = parts.flatMap((part) => {
    const filename = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    const type = part.contentType ? `\r\nContent-Type: ${part.contentType}` : '';
    const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"${filename}${type}\r\n\r\n`;
    return [Buffer.from(head, 'utf8'), part.data, Buffer.from('\r\n')];
  });
  return Buffer.concat([...chunks, Buffer.from(end)]);
}

const HOSTILE_FILENAMES = [
  'run.bat',
  'statutes\u202efdp.exe',
  'a\u0000.pdf',
  '../../etc/passwd',
  `${'n'.repeat(1_000)}.pdf`,
  '',
  'CON',
  'r\u00e9sum\u00e9.pdf',
  '\ud800.pdf',
  'x".pdf',
];

const HOSTILE_FILES = [
  Buffer.alloc(0),
  SAMPLE_PNG,
  Buffer.from('MZ\x90\x00 not a document'),
  Buffer.from('%PDF-'),
  Buffer.from('PK\x03\x04 truncated zip'),
];

const kindPart = (data: string): FormPart => ({ name: 'kind', data: Buffer.from(data, 'utf8') });
const filePart = (filename: string, data: Buffer, contentType = 'application/pdf'): FormPart => ({
  name: 'file',
  filename,
  contentType,
  data,
});

/** The valid form, and forms with one part changed or broken. */
export function multipartBody(): Part<{ contentType: string; body: Buffer }> {
  const form = (parts: FormPart[], end?: string) => ({
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: encode(parts, end),
  });
  const validKind = kindPart('statutes');
  const validFile = filePart('statutes.pdf', SAMPLE_PDF);
  return {
    valid: fc.constant(form([validKind, validFile])),
    hostile: fc.oneof(
      hostileValue.map((value) => form([kindPart(typeof value === 'string' ? value : jsonText(value)), validFile])),
      fc.constantFrom(...HOSTILE_FILENAMES).map((name) => form([validKind, filePart(name, SAMPLE_PDF)])),
      fc.constantFrom(...HOSTILE_FILES).map((data) => form([validKind, filePart('statutes.pdf', data)])),
      fc.constantFrom(
        form([validFile]),
        form([validKind]),
        form([validKind, validFile, filePart('second.pdf', SAMPLE_PDF)]),
        form([validKind, { name: '__proto__', data: Buffer.from('x') }, validFile]),
        form([validKind, validFile], ''),
        form([validKind, filePart('statutes.pdf', SAMPLE_PDF, 'text/x-garbage\u0000')]),
        { contentType: 'multipart/form-data', body: encode([validKind, validFile]) },
        { contentType: `multipart/form-data; boundary=${BOUNDARY}`, body: Buffer.from('not a form') },
        { contentType: 'application/json', body: Buffer.from(jsonText({ kind: 'statutes', file: 'JVBERi0=' })) },
      ),
    ),
  };
}

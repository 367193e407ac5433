/** The document types accepted, by the MIME type that sniffing their content yields. */
export const ACCEPTED_DOCUMENT_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

export const MAX_DOCUMENT_BYTES = 10 * 1_048_576;

/** Longest file name kept, in code points, extension included. */
export const MAX_FILENAME_LENGTH = 200;

/**
 * Characters a name must not carry besides path separators: C0 and C1 controls, DEL, quotes, and the
 * bidirectional marks, embeddings, overrides and isolates that make "cod.exe" look like "exe.doc".
 */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** What is taken for the uploaded name's extension: its last dot and what follows, if short and unspaced. */
const UPLOADED_EXTENSION = /\.[^.\s]{1,16}$/;
const TRAILING_DOTS = /[.\s]+$/;

/**
 * The name a document is stored and served under: the uploaded base name, cleaned, with the
 * extension of the type its content was detected as (a PDF named run.bat becomes run.pdf), at most
 * MAX_FILENAME_LENGTH long; `document.<extension>` when nothing is left of it.
 */
export function safeFilename(name: string, extension: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(UNSAFE_CHARACTERS, '').trim();
  // Windows drops trailing dots and spaces: "run.bat. " is run.bat there.
  const stem = cleaned.replace(TRAILING_DOTS, '').replace(UPLOADED_EXTENSION, '').replace(TRAILING_DOTS, '');
  const kept = [...stem].slice(0, MAX_FILENAME_LENGTH - extension.length - 1).join('');
  return `${kept.replace(TRAILING_DOTS, '') || 'document'}.${extension}`;
}

import fc from 'fast-check';
import { ACCEPTED_DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, safeFilename } from './file-types';

describe('safeFilename', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['C:\\Users\\me\\Desktop\\budget.xlsx', 'budget.xlsx'],
    ['../../etc/passwd', 'passwd'],
    ['dir/sub\\mixed/name.docx', 'name.docx'],
    ['say "hello".pdf', 'say hello.pdf'],
    ['line\r\nbreak\t.pdf', 'linebreak.pdf'],
    ['bell\u0007del\u007f.png', 'belldel.png'],
    ['  padded.pdf  ', 'padded.pdf'],
    ['Rapport annuel – été.pdf', 'Rapport annuel – été.pdf'],
  ])('makes %j into %j', (name, expected) => {
    expect(safeFilename(name, 'pdf')).toBe(expected);
  });

  it.each(['', '   ', 'folder/', 'a\\b\\', '"""', '\u0000\u001f', ' " \n '])(
    'falls back to document.<extension> for %j',
    (name) => {
      expect(safeFilename(name, 'docx')).toBe('document.docx');
    },
  );

  it('keeps at most 200 characters', () => {
    expect(safeFilename(`${'a'.repeat(250)}.pdf`, 'pdf')).toBe('a'.repeat(200));
  });

  it('never returns an empty name, a path separator, a quote or a control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('pdf', 'png'), (name, extension) => {
        const safe = safeFilename(name, extension);
        expect(safe.length).toBeGreaterThan(0);
        expect(safe.length).toBeLessThanOrEqual(200);
        // eslint-disable-next-line no-control-regex
        expect(safe).not.toMatch(/[\\/"\u0000-\u001f\u007f]/);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a name that is already safe', () => {
    const safeChar = fc.constantFrom(...'abcXYZ019 ._-()éü€'.split(''));
    const name = fc
      .string({ unit: safeChar, minLength: 1, maxLength: 200 })
      .filter((s) => s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(name, (n) => {
        expect(safeFilename(n, 'pdf')).toBe(n);
      }),
    );
  });
});

describe('accepted documents', () => {
  it('lists the five types of API.md and a 10 MiB limit', () => {
    expect(Object.values(ACCEPTED_DOCUMENT_TYPES).sort()).toEqual(['docx', 'jpg', 'pdf', 'png', 'xlsx']);
    expect(MAX_DOCUMENT_BYTES).toBe(10 * 1024 * 1024);
  });
});

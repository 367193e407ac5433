import fc from 'fast-check';
import { ACCEPTED_DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, MAX_FILENAME_LENGTH, safeFilename } from './file-types';

const INVISIBLE_DIRECTION_MARKS = [
  '\u061c',
  '\u200e',
  '\u200f',
  ...'\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069',
];

describe('safeFilename', () => {
  it.each([
    ['report.pdf', 'pdf', 'report.pdf'],
    ['run.bat', 'pdf', 'run.pdf'],
    ['run.bat. . ', 'pdf', 'run.pdf'],
    ['photo.jpeg', 'jpg', 'photo.jpg'],
    ['budget', 'xlsx', 'budget.xlsx'],
    ['archive.tar.gz', 'pdf', 'archive.tar.pdf'],
    ['Version 1.2 final', 'docx', 'Version 1.2 final.docx'],
    ['C:\\Users\\me\\Desktop\\budget.xlsx', 'xlsx', 'budget.xlsx'],
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['dir/sub\\mixed/name.docx', 'docx', 'name.docx'],
    ['say "hello".pdf', 'pdf', 'say hello.pdf'],
    ['line\r\nbreak\t.pdf', 'pdf', 'linebreak.pdf'],
    ['bell\u0007del\u007f c1\u0085\u009b.png', 'png', 'belldel c1.png'],
    ['invoice\u202Efdp.exe', 'pdf', 'invoicefdp.pdf'],
    ['\u2067Report\u2069\u200F.pdf', 'pdf', 'Report.pdf'],
    ['  padded.pdf  ', 'pdf', 'padded.pdf'],
    ['Rapport annuel – été.pdf', 'pdf', 'Rapport annuel – été.pdf'],
    ['تقرير سنوي.pdf', 'pdf', 'تقرير سنوي.pdf'],
    ['年度报告.docx', 'docx', '年度报告.docx'],
    ['Годовой отчёт.xlsx', 'xlsx', 'Годовой отчёт.xlsx'],
  ])('makes %j, detected as %s, into %j', (name, extension, expected) => {
    expect(safeFilename(name, extension)).toBe(expected);
  });

  it.each(['', '   ', 'folder/', 'a\\b\\', '"""', '\u0000\u001f', ' " \n ', '.docx', '\u202e\u202c.bat'])(
    'falls back to document.<extension> for %j',
    (name) => {
      expect(safeFilename(name, 'docx')).toBe('document.docx');
    },
  );

  it('keeps at most 200 characters, the detected extension included', () => {
    expect(safeFilename(`${'a'.repeat(250)}.exe`, 'pdf')).toBe(`${'a'.repeat(196)}.pdf`);
    expect(safeFilename(`${'😀'.repeat(250)}.pdf`, 'pdf')).toBe(`${'😀'.repeat(196)}.pdf`);
  });

  it('never returns a name without the detected extension, or with a separator, quote, control or direction mark', () => {
    const unit = fc.oneof(fc.string({ unit: 'binary', maxLength: 1 }), fc.constantFrom(...INVISIBLE_DIRECTION_MARKS));
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 300 }).map((parts) => parts.join('')),
        fc.constantFrom(...Object.values(ACCEPTED_DOCUMENT_TYPES)),
        (name, extension) => {
          const safe = safeFilename(name, extension);
          expect([...safe].length).toBeLessThanOrEqual(MAX_FILENAME_LENGTH);
          expect(safe.endsWith(`.${extension}`)).toBe(true);
          expect(safe.length).toBeGreaterThan(extension.length + 1);
          // eslint-disable-next-line no-control-regex
          expect(safe).not.toMatch(/[\\/"\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives back its own answers unchanged, so that a stored name can be served through it', () => {
    const name = fc.string({ unit: fc.constantFrom('a', '.', ' ', 'é', '\u202e', '/', 'x'), maxLength: 260 });
    fc.assert(
      fc.property(name, (n) => {
        const once = safeFilename(n, 'pdf');
        expect(safeFilename(once, 'pdf')).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a name that is already safe and has the detected extension', () => {
    const safeChar = fc.constantFrom(...'abcXYZ019 _-()éü€'.split(''));
    const stem = fc
      .string({ unit: safeChar, minLength: 1, maxLength: 190 })
      .filter((s) => s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(stem, (s) => {
        expect(safeFilename(`${s}.pdf`, 'pdf')).toBe(`${s}.pdf`);
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

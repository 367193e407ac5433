import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvLine, neutraliseFormula, toCsv } from './csv';

const FORMULA_CHARACTERS = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'];
const startsLikeAFormula = (cell: string) => FORMULA_CHARACTERS.some((c) => cell.startsWith(c));

/** What a spreadsheet program or any RFC 4180 reader makes of the document. */
function readBack(csv: string): string[][] {
  return parse(csv, { bom: true }) as string[][];
}

describe('toCsv', () => {
  it('neutralises every cell a spreadsheet would run as a formula, quoting it', () => {
    const csv = toCsv([['=HYPERLINK("http://evil.example","Click")', '+1', '-2', '@SUM(A1)', '\tTab', '\rCR', 'safe']]);
    expect(csv).toBe(
      '\uFEFF"\'=HYPERLINK(""http://evil.example"",""Click"")","\'+1","\'-2","\'@SUM(A1)","\'\tTab","\'\rCR",safe\r\n',
    );
    expect(readBack(csv)).toEqual([
      ['\'=HYPERLINK("http://evil.example","Click")', "'+1", "'-2", "'@SUM(A1)", "'\tTab", "'\rCR", 'safe'],
    ]);
  });

  it('leaves formula characters alone after the first position', () => {
    expect(toCsv([['a=b', 'x+y', 'e-mail@example.org']])).toBe('\uFEFFa=b,x+y,e-mail@example.org\r\n');
  });

  it('reads back every cell as written, or as its neutralised form when it starts like a formula', () => {
    const cell = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 5 }), (rows) => {
        const read = readBack(toCsv(rows));
        expect(read).toEqual(rows.map((row) => row.map(neutraliseFormula)));
        for (const [k, row] of rows.entries()) {
          for (const [j, value] of row.entries()) {
            expect(read[k][j]).toBe(startsLikeAFormula(value) ? `'${value}` : value);
            expect(startsLikeAFormula(read[k][j])).toBe(false);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads back cells built from the characters that matter, at any position', () => {
    const tricky = fc.string({ unit: fc.constantFrom(...FORMULA_CHARACTERS, '"', ',', ' ', "'", 'a'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(tricky, { minLength: 2, maxLength: 4 }), (row) => {
        const [read] = readBack(toCsv([row]));
        expect(read).toEqual(row.map(neutraliseFormula));
        expect(read.filter(startsLikeAFormula)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('csvLine', () => {
  it('writes numbers as they are, negative ones included, and text as toCsv does', () => {
    expect(csvLine([-1.5, 0, 42.25, '-1.5', 'é, "à"'])).toBe(`-1.5,0,42.25,"'-1.5","é, ""à"""\r\n`);
  });
});

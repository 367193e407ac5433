/**
 * Characters with which a spreadsheet program starts a formula (OWASP, "CSV Injection"): =, +, -, @,
 * tab and CR, with line feed and the full-width forms that some spreadsheet locales read the same way.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Read first by spreadsheet programs, which then take the document as UTF-8 (accents and all). */
export const CSV_BYTE_ORDER_MARK = '\uFEFF';

/** A cell that a spreadsheet would run as a formula, prefixed with a quote so that it shows as text. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A CSV document (RFC 4180: CRLF after every row, a field quoted when it holds a quote, a comma, a
 * line break or edge whitespace, or was neutralised), with a byte-order mark so that spreadsheet
 * programs read it as UTF-8. Every CSV the platform writes goes through here or `csvLine`.
 */
export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return CSV_BYTE_ORDER_MARK + rows.map(csvLine).join('');
}

/**
 * One row of a CSV document with its CRLF. A number is written as it is: it never starts a formula
 * (a negative one would otherwise be neutralised into text).
 */
export function csvLine(row: ReadonlyArray<string | number>): string {
  return row.map((cell) => (typeof cell === 'number' ? String(cell) : csvField(cell))).join(',') + '\r\n';
}

function csvField(value: string): string {
  const cell = neutraliseFormula(value);
  const mustQuote = cell !== value || /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell);
  return mustQuote ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Characters with which a spreadsheet program starts a formula (OWASP, "CSV Injection"): =, +, -, @,
 * tab and CR, with line feed and the full-width forms that some spreadsheet locales read the same way.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A cell that a spreadsheet would run as a formula, prefixed with a quote so that it shows as text. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A CSV document (RFC 4180: CRLF after every row, a field quoted when it holds a quote, a comma, a
 * line break or edge whitespace, or was neutralised), with a byte-order mark so that spreadsheet
 * programs read it as UTF-8. Every CSV the platform writes goes through here.
 */
export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

function csvField(value: string): string {
  const cell = neutraliseFormula(value);
  const mustQuote = cell !== value || /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell);
  return mustQuote ? `"${cell.replace(/"/g, '""')}"` : cell;
}

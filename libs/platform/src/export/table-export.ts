import type { Writable } from 'node:stream';
import type { CellValue } from 'exceljs';
import { CSV_BYTE_ORDER_MARK, csvLine, neutraliseFormula } from './csv';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** What a cell holds; text is neutralised against formulas, numbers stay numbers. */
export type Cell = string | number | boolean | Date | null;

/** A column of an exported table: its header and how a row fills it. */
export interface ExportColumn<Row> {
  header: string;
  cell: (row: Row) => Cell;
}

/** A table to export: its columns and its rows, which it hands over a batch at a time. */
export interface ExportTable<Row> {
  /** The sheet's name in a workbook (at most 31 characters, none of []:*?/\). */
  sheet: string;
  columns: ReadonlyArray<ExportColumn<Row>>;
  /** Calls `write` with each batch in turn, waiting for it before reading the next. */
  rows: (write: (batch: Row[]) => Promise<void>) => Promise<void>;
}

/** How dates show in a workbook; they are UTC, as everywhere in the platform. */
const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/**
 * Writes the table to `out` and ends it, one batch at a time: a batch is written only once `out`
 * has taken the previous one, so a slow reader holds back the database rather than filling memory.
 */
export async function writeTable<Row>(format: ExportFormat, out: Writable, table: ExportTable<Row>): Promise<void> {
  if (format === 'csv') await writeCsv(out, table);
  else await writeXlsx(out, table);
}

async function writeCsv<Row>(out: Writable, { columns, rows }: ExportTable<Row>): Promise<void> {
  const send = async (text: string) => {
    if (!out.write(text)) await drained(out);
  };
  await send(CSV_BYTE_ORDER_MARK + csvLine(columns.map((c) => c.header)));
  await rows((batch) => send(batch.map((row) => csvLine(columns.map((c) => csvCell(c.cell(row))))).join('')));
  out.end();
}

function csvCell(value: Cell): string | number {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'boolean' ? String(value) : value;
}

async function writeXlsx<Row>(out: Writable, { sheet, columns, rows }: ExportTable<Row>): Promise<void> {
  // Loaded on the first spreadsheet rather than at start, like the annexes' PDFKit.
  const { stream } = await import('exceljs');
  // No shared strings: they would hold every distinct text until the end.
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(sheet);
  worksheet.columns = columns.map((c) => ({ header: c.header }));
  await rows(async (batch) => {
    for (const values of batch) {
      const row = worksheet.addRow(columns.map((c) => xlsxCell(c.cell(values))));
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
      });
      row.commit();
    }
    if (out.writableNeedDrain) await drained(out);
  });
  await workbook.commit();
}

function xlsxCell(value: Cell): CellValue {
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

/** Resolves when `out` takes writes again; rejects when it closes first (the reader went away). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      out.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      out.off('drain', onDrain);
      reject(new Error('The reader went away before the export ended'));
    };
    out.once('drain', onDrain);
    out.once('close', onClose);
  });
}

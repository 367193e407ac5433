import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A CSV export as any RFC 4180 reader takes it (byte-order mark dropped): a record per row, by header. */
export function csvRecords(bytes: Buffer): Array<Record<string, string>> {
  return parse(bytes, { bom: true, columns: true }) as Array<Record<string, string>>;
}

/** The first sheet of a workbook export as records by header, each cell as the workbook types it. */
export async function workbookRecords(bytes: Buffer): Promise<Array<Record<string, ExcelJS.CellValue>>> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer-like of its own; a Node Buffer is what it reads.
  await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const [header, ...rows] = (workbook.worksheets[0].getSheetValues() as ExcelJS.CellValue[][])
    .slice(1)
    .map((row) => row.slice(1));
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [String(name), row[i] ?? null])));
}

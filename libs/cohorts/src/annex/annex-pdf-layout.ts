/**
 * The few layout primitives the annex needs on top of pdfkit: flowing headings and paragraphs that
 * never strand a heading at the foot of a page, and tables whose rows never split across pages and
 * whose header is repeated on each page they run onto.
 */

/** DejaVu covers Latin, Greek and Cyrillic, so organisation names print as their owners write them. */
export const FONT = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  mono: 'DejaVuSansMono',
} as const;
type FontName = (typeof FONT)[keyof typeof FONT];

export function registerFonts(doc: PDFKit.PDFDocument): void {
  // Literal paths, so that a bundler or a dependency audit sees which files the renderer needs.
  doc.registerFont(FONT.regular, require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  doc.registerFont(FONT.bold, require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'));
  doc.registerFont(FONT.mono, require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf'));
}

export const PAGE_MARGINS = { top: 56, bottom: 64, left: 56, right: 56 } as const;

export const COLOR = { text: '#000000', muted: '#555555', rule: '#9a9a9a', headerFill: '#e6edf3' } as const;

const LINE_GAP = 1.5;
const CELL_PADDING = 4;
/** Slack for rounding in pdfkit's own line-fitting, so that a measured row never spills over. */
const FIT_SLACK = 1;

export interface TextStyle {
  font: FontName;
  size: number;
  color?: string;
  align?: 'left' | 'center' | 'right' | 'justify';
}

function useStyle(doc: PDFKit.PDFDocument, style: TextStyle): void {
  doc
    .font(style.font)
    .fontSize(style.size)
    .fillColor(style.color ?? COLOR.text);
}

export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomLimit(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit below the cursor. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > bottomLimit(doc) - FIT_SLACK) doc.addPage();
}

export function measureBlock(
  doc: PDFKit.PDFDocument,
  text: string,
  style: TextStyle,
  width = contentWidth(doc),
): number {
  useStyle(doc, style);
  return doc.heightOfString(text, { width, lineGap: LINE_GAP, align: style.align });
}

export interface BlockOptions {
  /** Space kept below the block. */
  spaceAfter?: number;
  /** Height of what must follow on the same page, e.g. a table's header and first row. */
  keepWithNext?: number;
}

/** A heading or paragraph across the content width, moved to a new page if it (and what it keeps with) would not fit. */
export function block(doc: PDFKit.PDFDocument, text: string, style: TextStyle, options: BlockOptions = {}): void {
  const spaceAfter = options.spaceAfter ?? 0;
  const height = measureBlock(doc, text, style);
  ensureSpace(doc, height + spaceAfter + (options.keepWithNext ?? 0));
  useStyle(doc, style);
  const left = doc.page.margins.left;
  doc.text(text, left, doc.y, { width: contentWidth(doc), lineGap: LINE_GAP, align: style.align });
  doc.x = left;
  doc.y += spaceAfter;
}

export function horizontalRule(doc: PDFKit.PDFDocument, spaceAfter: number): void {
  const left = doc.page.margins.left;
  doc
    .moveTo(left, doc.y)
    .lineTo(left + contentWidth(doc), doc.y)
    .lineWidth(0.75)
    .strokeColor(COLOR.rule)
    .stroke();
  doc.y += spaceAfter;
}

export interface TableColumn {
  header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  width: number;
  align?: 'left' | 'right';
}

export interface TableSpec {
  columns: readonly TableColumn[];
  rows: ReadonlyArray<readonly string[]>;
  /** A closing row in bold, e.g. totals. */
  totals?: readonly string[];
  size: number;
  /** Printed above the repeated header when the table runs onto another page, so the reader knows what it continues. */
  continuation?: { text: string; style: TextStyle };
}

interface TableGeometry {
  spec: TableSpec;
  left: number;
  widths: number[];
}

/** Height of the table's header plus its first row: what a heading placed above it must keep with. */
export function tableLeadHeight(doc: PDFKit.PDFDocument, spec: TableSpec): number {
  const geometry = geometryOf(doc, spec);
  const header = spec.columns.map((column) => column.header);
  const first = spec.rows[0] ?? spec.totals;
  return rowHeight(doc, geometry, header, FONT.bold) + (first ? rowHeight(doc, geometry, first, FONT.regular) : 0);
}

export function table(doc: PDFKit.PDFDocument, spec: TableSpec): void {
  const geometry = geometryOf(doc, spec);
  const header = spec.columns.map((column) => column.header);
  const headerHeight = rowHeight(doc, geometry, header, FONT.bold);
  ensureSpace(doc, tableLeadHeight(doc, spec));
  drawRow(doc, geometry, { cells: header, font: FONT.bold, height: headerHeight, fill: COLOR.headerFill });
  const body = spec.rows.map((cells) => ({ cells, font: FONT.regular }));
  const rows = spec.totals ? [...body, { cells: spec.totals, font: FONT.bold }] : body;
  for (const { cells, font } of rows) {
    const height = rowHeight(doc, geometry, cells, font);
    // A row never splits: it moves whole to the next page, under a repeated header.
    if (doc.y + height > bottomLimit(doc) - FIT_SLACK) {
      doc.addPage();
      if (spec.continuation) block(doc, spec.continuation.text, spec.continuation.style, { spaceAfter: 6 });
      drawRow(doc, geometry, { cells: header, font: FONT.bold, height: headerHeight, fill: COLOR.headerFill });
    }
    drawRow(doc, geometry, { cells, font, height });
  }
}

function geometryOf(doc: PDFKit.PDFDocument, spec: TableSpec): TableGeometry {
  const total = contentWidth(doc);
  return { spec, left: doc.page.margins.left, widths: spec.columns.map((column) => column.width * total) };
}

function rowHeight(doc: PDFKit.PDFDocument, geometry: TableGeometry, cells: readonly string[], font: FontName): number {
  useStyle(doc, { font, size: geometry.spec.size });
  const heights = cells.map((cell, index) =>
    doc.heightOfString(cell, { width: geometry.widths[index] - 2 * CELL_PADDING, lineGap: LINE_GAP }),
  );
  return Math.max(...heights) + 2 * CELL_PADDING;
}

interface Row {
  cells: readonly string[];
  font: FontName;
  height: number;
  fill?: string;
}

function drawRow(doc: PDFKit.PDFDocument, geometry: TableGeometry, { cells, font, height, fill }: Row): void {
  const top = doc.y;
  const width = geometry.widths.reduce((sum, w) => sum + w, 0);
  if (fill) doc.rect(geometry.left, top, width, height).fill(fill);
  useStyle(doc, { font, size: geometry.spec.size });
  let x = geometry.left;
  cells.forEach((cell, index) => {
    const cellWidth = geometry.widths[index];
    const align = geometry.spec.columns[index].align ?? 'left';
    // A bounded height keeps pdfkit from ever breaking the page inside a cell.
    doc.text(cell, x + CELL_PADDING, top + CELL_PADDING, {
      width: cellWidth - 2 * CELL_PADDING,
      height: height - CELL_PADDING,
      lineGap: LINE_GAP,
      align,
    });
    x += cellWidth;
  });
  doc
    .moveTo(geometry.left, top + height)
    .lineTo(geometry.left + width, top + height)
    .lineWidth(0.5)
    .strokeColor(COLOR.rule)
    .stroke();
  doc.x = geometry.left;
  doc.y = top + height;
}

/** Writes a line in the bottom margin of every page once the page count is known. */
export function stampPages(doc: PDFKit.PDFDocument, stamp: (page: number, pages: number) => void): void {
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index);
    const bottom = doc.page.margins.bottom;
    // Writing inside the margin would otherwise make pdfkit open a new page.
    doc.page.margins.bottom = 0;
    stamp(index + 1, range.count);
    doc.page.margins.bottom = bottom;
  }
}

export function footerText(doc: PDFKit.PDFDocument, text: string, align: 'left' | 'right', style: TextStyle): void {
  useStyle(doc, style);
  const y = doc.page.height - PAGE_MARGINS.bottom + 24;
  doc.text(text, doc.page.margins.left, y, { width: contentWidth(doc), align, lineBreak: false });
}

import { documentDirection } from './pdf-scripts';

/**
 * The few layout primitives the annex needs on top of pdfkit: flowing headings and paragraphs that
 * never strand a heading at the foot of a page, and tables whose rows never split across pages,
 * whose header is repeated on each page they run onto, whose codes are never broken, and whose last
 * rows can be kept with what follows so that it never sits alone on the last page.
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
/** The widest an unbreakable column grows, as a share of the content width, before its text shrinks. */
const MAX_UNBREAKABLE_SHARE = 0.3;
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
  /**
   * Cells are codes, never broken across lines: the column widens to its longest cell (up to
   * MAX_UNBREAKABLE_SHARE, taking the width from the widest other column) and, beyond that, prints
   * its cells smaller. The header still wraps between words.
   */
  unbreakable?: boolean;
}

export interface TableSpec {
  columns: readonly TableColumn[];
  rows: ReadonlyArray<readonly string[]>;
  /** A closing row in bold, e.g. totals. */
  totals?: readonly string[];
  size: number;
  /** Printed above the repeated header when the table runs onto another page, so the reader knows what it continues. */
  continuation?: { text: string; style: TextStyle };
  /**
   * What follows the table and must not stand alone at the top of a page (a closing note): its
   * height, kept on one page with the table's last `rows` rows (all of them, heading included, when
   * the table is no longer).
   */
  keepWithTail?: { rows: number; height: number };
}

interface TableGeometry {
  spec: TableSpec;
  left: number;
  widths: number[];
  /** Text size of each column: the table's, or smaller for an unbreakable column that needs it. */
  sizes: number[];
}

interface Row {
  cells: readonly string[];
  font: FontName;
  height: number;
  fill?: string;
}

/**
 * What a heading placed above the table must keep with: the header and the first row, or, when the
 * whole table is kept with what follows it, the header, every row and what follows.
 */
export function tableLeadHeight(doc: PDFKit.PDFDocument, spec: TableSpec): number {
  const geometry = geometryOf(doc, spec);
  const header = rowHeight(
    doc,
    geometry,
    spec.columns.map((column) => column.header),
    FONT.bold,
  );
  const rows = bodyRows(doc, geometry);
  const tail = spec.keepWithTail;
  if (tail && rows.length <= tail.rows) return header + sumHeights(rows) + tail.height;
  return header + (rows[0]?.height ?? 0);
}

export function table(doc: PDFKit.PDFDocument, spec: TableSpec): void {
  const geometry = geometryOf(doc, spec);
  const headerCells = spec.columns.map((column) => column.header);
  const header: Row = {
    cells: headerCells,
    font: FONT.bold,
    height: rowHeight(doc, geometry, headerCells, FONT.bold),
    fill: COLOR.headerFill,
  };
  const rows = bodyRows(doc, geometry);
  const tailStart = spec.keepWithTail ? Math.max(1, rows.length - spec.keepWithTail.rows) : rows.length;
  const newPage = () => {
    doc.addPage();
    if (spec.continuation) block(doc, spec.continuation.text, spec.continuation.style, { spaceAfter: 6 });
    drawRow(doc, geometry, header);
  };
  /** The last rows go over with what follows rather than leave it alone on the next page, when a page holds them. */
  const tailMovesOver = (index: number): boolean => {
    const tail = sumHeights(rows.slice(index)) + (spec.keepWithTail?.height ?? 0);
    const continuation = spec.continuation ? measureBlock(doc, spec.continuation.text, spec.continuation.style) + 6 : 0;
    const page = bottomLimit(doc) - doc.page.margins.top - continuation - header.height;
    return doc.y + tail > bottomLimit(doc) - FIT_SLACK && tail < page;
  };
  ensureSpace(doc, tableLeadHeight(doc, spec));
  drawRow(doc, geometry, header);
  rows.forEach((row, index) => {
    // A row never splits: it moves whole to the next page, under a repeated header.
    if (doc.y + row.height > bottomLimit(doc) - FIT_SLACK || (index === tailStart && tailMovesOver(index))) newPage();
    drawRow(doc, geometry, row);
  });
}

function bodyRows(doc: PDFKit.PDFDocument, geometry: TableGeometry): Row[] {
  const { rows, totals } = geometry.spec;
  const cells = [
    ...rows.map((r) => ({ cells: r, font: FONT.regular })),
    ...(totals ? [{ cells: totals, font: FONT.bold }] : []),
  ];
  return cells.map(({ cells, font }) => ({ cells, font, height: rowHeight(doc, geometry, cells, font) }));
}

function sumHeights(rows: readonly Row[]): number {
  return rows.reduce((sum, row) => sum + row.height, 0);
}

function geometryOf(doc: PDFKit.PDFDocument, spec: TableSpec): TableGeometry {
  const total = contentWidth(doc);
  const widths = spec.columns.map((column) => column.width * total);
  const sizes = spec.columns.map(() => spec.size);
  spec.columns.forEach((column, index) => {
    if (!column.unbreakable) return;
    const text = widestCell(doc, spec, index);
    const width = Math.max(widths[index], Math.min(text + 2 * CELL_PADDING + FIT_SLACK, MAX_UNBREAKABLE_SHARE * total));
    if (width > widths[index]) {
      const donor = widestOtherColumn(widths, index);
      widths[donor] -= width - widths[index];
      widths[index] = width;
    }
    const room = width - 2 * CELL_PADDING - FIT_SLACK;
    // Text width grows in proportion to its size.
    if (text > room) sizes[index] = (spec.size * room) / text;
  });
  return { spec, left: doc.page.margins.left, widths, sizes };
}

/** Width of the longest cell of a column at the table's size, totals in bold. */
function widestCell(doc: PDFKit.PDFDocument, spec: TableSpec, index: number): number {
  const measure = (cell: string | undefined, font: FontName) => {
    useStyle(doc, { font, size: spec.size });
    return cell ? doc.widthOfString(cell) : 0;
  };
  return Math.max(
    0,
    ...spec.rows.map((row) => measure(row[index], FONT.regular)),
    measure(spec.totals?.[index], FONT.bold),
  );
}

function widestOtherColumn(widths: readonly number[], except: number): number {
  return widths.reduce(
    (best, width, index) => (index !== except && width > widths[best] ? index : best),
    except === 0 ? 1 : 0,
  );
}

function rowHeight(doc: PDFKit.PDFDocument, geometry: TableGeometry, cells: readonly string[], font: FontName): number {
  const heights = cells.map((cell, index) => {
    useStyle(doc, { font, size: geometry.sizes[index] });
    return doc.heightOfString(cell, { width: geometry.widths[index] - 2 * CELL_PADDING, lineGap: LINE_GAP });
  });
  return Math.max(...heights) + 2 * CELL_PADDING;
}

function drawRow(doc: PDFKit.PDFDocument, geometry: TableGeometry, { cells, font, height, fill }: Row): void {
  const top = doc.y;
  const width = geometry.widths.reduce((sum, w) => sum + w, 0);
  if (fill) doc.rect(geometry.left, top, width, height).fill(fill);
  // A right-to-left document reads its columns from the right.
  const rtl = documentDirection(doc) === 'rtl';
  let x = rtl ? geometry.left + width : geometry.left;
  cells.forEach((cell, index) => {
    const cellWidth = geometry.widths[index];
    const column = geometry.spec.columns[index];
    if (rtl) x -= cellWidth;
    useStyle(doc, { font, size: geometry.sizes[index] });
    // A bounded height keeps pdfkit from ever breaking the page inside a cell.
    doc.text(cell, x + CELL_PADDING, top + CELL_PADDING, {
      width: cellWidth - 2 * CELL_PADDING,
      height: height - CELL_PADDING,
      lineGap: LINE_GAP,
      align: column.align ?? 'left',
    });
    if (!rtl) x += cellWidth;
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

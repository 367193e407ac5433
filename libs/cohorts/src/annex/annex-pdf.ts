import { AnnexLocale, AnnexTranslator, annexTranslator } from './annex-i18n';
import { centresByRegion, criteriaTable, integrityNoteParts, processSummary } from './annex-sections';
import {
  block,
  COLOR,
  FONT,
  footerText,
  horizontalRule,
  measureBlock,
  PAGE_MARGINS,
  registerFonts,
  stampPages,
  table,
  TableSpec,
  tableLeadHeight,
  TextStyle,
} from './annex-pdf-layout';
import { AnnexContent } from './annex.types';
import { installScripts } from './pdf-scripts';
import { directionOf } from '@app/platform/languages';

export const STYLE = {
  letterhead: { font: FONT.regular, size: 9, color: COLOR.muted, align: 'center' },
  title: { font: FONT.bold, size: 16 },
  subtitle: { font: FONT.regular, size: 12 },
  meta: { font: FONT.regular, size: 10 },
  annexHeading: { font: FONT.bold, size: 13 },
  regionHeading: { font: FONT.bold, size: 11 },
  body: { font: FONT.regular, size: 10, align: 'justify' },
  small: { font: FONT.regular, size: 8, color: COLOR.muted, align: 'justify' },
  hash: { font: FONT.mono, size: 8 },
  footer: { font: FONT.regular, size: 8, color: COLOR.muted },
} as const satisfies Record<string, TextStyle>;

/**
 * The annex to the announcement of a published cohort: how the centres were evaluated and which
 * were selected, by region. The same content and locale always give the same bytes, so that a
 * published annex can be regenerated and compared.
 */
export async function renderAnnexPdf(content: AnnexContent, locale: AnnexLocale): Promise<Buffer> {
  const tr = annexTranslator(locale);
  const doc = await createPdfDocument(tr, {
    title: tr.t('document.pdfTitle', { reference: content.call.reference }),
    subject: content.call.title,
    keywords: content.call.reference,
    date: content.publishedAt,
  });
  const rendered = collect(doc);
  writeTitleBlock(doc, content, tr);
  writeAnnexSections(doc, content, tr, ANNEX_NUMBERS);
  finishPdf(doc, content.call.reference, tr);
  return rendered;
}

/** How the annex and its sections are numbered: 1 and 2 alone, II and III after the circular's Annex I. */
export interface AnnexNumbers {
  process: string;
  centres: string;
}
const ANNEX_NUMBERS: AnnexNumbers = { process: '1', centres: '2' };

/** The evaluation process, then on a page of its own the centres by region and the integrity note. */
export function writeAnnexSections(
  doc: PDFKit.PDFDocument,
  content: AnnexContent,
  tr: AnnexTranslator,
  numbers: AnnexNumbers,
): void {
  writeEvaluationProcess(doc, content, tr, numbers);
  doc.addPage();
  writeSelectedCentres(doc, content, tr, numbers, integrityNoteHeight(doc, content, tr));
  writeIntegrityNote(doc, content, tr);
}

/** Page footers (the reference, "Page n of m"), then the end of the file. */
export function finishPdf(doc: PDFKit.PDFDocument, reference: string, tr: AnnexTranslator): void {
  stampPages(doc, (page, pages) => {
    footerText(doc, reference, 'left', STYLE.footer);
    footerText(doc, tr.t('footer.page', { page, pages }), 'right', STYLE.footer);
  });
  doc.end();
}

export interface PdfMetadata {
  title: string;
  subject: string;
  keywords: string;
  /** ISO 8601: the document's date, also its creation date. */
  date: string;
}

export async function createPdfDocument(tr: AnnexTranslator, meta: PdfMetadata): Promise<PDFKit.PDFDocument> {
  // Loaded on the first document rather than at start: PDFKit and its font engine weigh more than any
  // other module the API loads.
  const { default: PDFDocument } = await import('pdfkit');
  // Fixed dates make the file id (an MD5 of the info dictionary) and so the whole file reproducible.
  const date = new Date(meta.date);
  const doc = new PDFDocument({
    size: 'A4',
    margins: PAGE_MARGINS,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: tr.intlLocale,
    displayTitle: true,
    // Without it pdfkit would load and embed Helvetica, which cannot print Cyrillic or Greek names.
    font: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Author: tr.t('document.organisation'),
      Keywords: meta.keywords,
      Creator: 'Accelerator-centre selection platform',
      Producer: 'PDFKit',
      CreationDate: date,
      ModDate: date,
    },
  });
  registerFonts(doc);
  installScripts(doc, directionOf(tr.locale));
  return doc;
}

export function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function writeTitleBlock(doc: PDFKit.PDFDocument, content: AnnexContent, tr: AnnexTranslator): void {
  block(doc, tr.t('document.organisation'), STYLE.letterhead, { spaceAfter: 6 });
  horizontalRule(doc, 18);
  block(doc, content.call.title, STYLE.title, { spaceAfter: 4 });
  block(doc, tr.t('document.subject'), STYLE.subtitle, { spaceAfter: 10 });
  block(doc, tr.t('document.reference', { reference: content.call.reference }), STYLE.meta, { spaceAfter: 2 });
  block(doc, tr.t('document.published', { date: tr.date(content.publishedAt) }), STYLE.meta, { spaceAfter: 12 });
  block(doc, tr.t('document.intro'), STYLE.body, { spaceAfter: 20 });
}

function writeEvaluationProcess(
  doc: PDFKit.PDFDocument,
  content: AnnexContent,
  tr: AnnexTranslator,
  numbers: AnnexNumbers,
): void {
  const heading = tr.t('annex1.heading', { number: numbers.process });
  doc.outline.addItem(heading);
  const summary = processSummary(content, tr);
  block(doc, heading, STYLE.annexHeading, { spaceAfter: 8, keepWithNext: measureBlock(doc, summary, STYLE.body) });
  block(doc, summary, STYLE.body, { spaceAfter: 12 });
  table(doc, criteriaTable(content, tr));
  doc.y += 12;
  block(doc, tr.t('process.selected', { count: content.process.selected, annex: numbers.centres }), STYLE.body);
}

/** Rows of the last table that go with the integrity note, so that the last page never holds the note alone. */
const ROWS_KEPT_WITH_NOTE = 3;
const SPACE_AFTER_REGION = 16;

/** `closingHeight`: that of what follows the last table (the integrity note), kept with its last rows. */
function writeSelectedCentres(
  doc: PDFKit.PDFDocument,
  content: AnnexContent,
  tr: AnnexTranslator,
  numbers: AnnexNumbers,
  closingHeight: number,
): void {
  const heading = tr.t('annex2.heading', { number: numbers.centres });
  doc.outline.addItem(heading);
  block(doc, heading, STYLE.annexHeading, { spaceAfter: 8 });
  const regions = centresByRegion(content, tr);
  if (regions.length === 0) {
    block(doc, tr.t('annex2.empty'), STYLE.body);
    return;
  }
  block(doc, tr.t('annex2.intro'), STYLE.body, { spaceAfter: 12 });
  regions.forEach(({ heading, table: centres, continued }, index) => {
    const last = index === regions.length - 1;
    const spec: TableSpec = {
      ...centres,
      continuation: { text: continued, style: STYLE.regionHeading },
      ...(last ? { keepWithTail: { rows: ROWS_KEPT_WITH_NOTE, height: SPACE_AFTER_REGION + closingHeight } } : {}),
    };
    block(doc, heading, STYLE.regionHeading, { spaceAfter: 6, keepWithNext: tableLeadHeight(doc, spec) });
    table(doc, spec);
    doc.y += SPACE_AFTER_REGION;
  });
}

const INTEGRITY_SPACE_BEFORE = 8;
const INTEGRITY_HEADING_SPACE = 6;

/** The note below its heading: what the heading keeps with. */
function integrityBodyHeight(doc: PDFKit.PDFDocument, content: AnnexContent, tr: AnnexTranslator): number {
  const { label, howTo, request } = integrityNoteParts(content, tr);
  return (
    measureBlock(doc, label, STYLE.small) +
    measureBlock(doc, content.contentHash, STYLE.hash) +
    measureBlock(doc, howTo, STYLE.small) +
    measureBlock(doc, request, STYLE.hash) +
    14
  );
}

/** The whole note, with its heading and the space above it. */
function integrityNoteHeight(doc: PDFKit.PDFDocument, content: AnnexContent, tr: AnnexTranslator): number {
  const { heading } = integrityNoteParts(content, tr);
  return (
    INTEGRITY_SPACE_BEFORE +
    measureBlock(doc, heading, STYLE.regionHeading) +
    INTEGRITY_HEADING_SPACE +
    integrityBodyHeight(doc, content, tr)
  );
}

function writeIntegrityNote(doc: PDFKit.PDFDocument, content: AnnexContent, tr: AnnexTranslator): void {
  const { heading, label, howTo, request } = integrityNoteParts(content, tr);
  doc.y += INTEGRITY_SPACE_BEFORE;
  // The note is read as a whole: heading, hash and explanation stay on one page.
  block(doc, heading, STYLE.regionHeading, {
    spaceAfter: INTEGRITY_HEADING_SPACE,
    keepWithNext: integrityBodyHeight(doc, content, tr),
  });
  block(doc, label, STYLE.small, { spaceAfter: 2 });
  block(doc, content.contentHash, STYLE.hash, { spaceAfter: 6 });
  block(doc, howTo, STYLE.small, { spaceAfter: 4 });
  block(doc, request, STYLE.hash);
}

import { AnnexLocale, AnnexTranslator, annexTranslator } from './annex-i18n';
import { criteriaWithShares, groupMembersByRegion, totalWeight } from './annex-model';
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

const STYLE = {
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

const TABLE_TEXT_SIZE = 9;
const PUBLIC_COHORT_REQUEST = 'GET /api/v1/public/cohorts/';
/** Placeholder for a centre without a city; a dash reads as "not given" in every language. */
const NO_CITY = '—';

/**
 * The annex to the announcement of a published cohort: how the centres were evaluated and which
 * were selected, by region. The same content and locale always give the same bytes, so that a
 * published annex can be regenerated and compared.
 */
export async function renderAnnexPdf(content: AnnexContent, locale: AnnexLocale): Promise<Buffer> {
  const tr = annexTranslator(locale);
  // Loaded on the first annex rather than at start: PDFKit and its font engine weigh more than any
  // other module the API loads.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = createDocument(PDFDocument, content, tr);
  const rendered = collect(doc);
  writeTitleBlock(doc, content, tr);
  writeEvaluationProcess(doc, content, tr);
  doc.addPage();
  writeSelectedCentres(doc, content, tr, integrityNoteHeight(doc, content, tr));
  writeIntegrityNote(doc, content, tr);
  stampPages(doc, (page, pages) => {
    footerText(doc, content.call.reference, 'left', STYLE.footer);
    footerText(doc, tr.t('footer.page', { page, pages }), 'right', STYLE.footer);
  });
  doc.end();
  return rendered;
}

function createDocument(
  PDFDocument: typeof import('pdfkit'),
  content: AnnexContent,
  tr: AnnexTranslator,
): PDFKit.PDFDocument {
  // Fixed dates make the file id (an MD5 of the info dictionary) and so the whole file reproducible.
  const publishedAt = new Date(content.publishedAt);
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
      Title: tr.t('document.pdfTitle', { reference: content.call.reference }),
      Subject: content.call.title,
      Author: tr.t('document.organisation'),
      Keywords: content.call.reference,
      Creator: 'Accelerator-centre selection platform',
      Producer: 'PDFKit',
      CreationDate: publishedAt,
      ModDate: publishedAt,
    },
  });
  registerFonts(doc);
  return doc;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
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

function writeEvaluationProcess(doc: PDFKit.PDFDocument, content: AnnexContent, tr: AnnexTranslator): void {
  const heading = tr.t('annex1.heading');
  doc.outline.addItem(heading);
  const summary = processSummary(content, tr);
  block(doc, heading, STYLE.annexHeading, { spaceAfter: 8, keepWithNext: measureBlock(doc, summary, STYLE.body) });
  block(doc, summary, STYLE.body, { spaceAfter: 12 });
  table(doc, criteriaTable(content, tr));
  doc.y += 12;
  block(doc, tr.t('process.selected', { count: content.process.selected }), STYLE.body);
}

/** One paragraph, built from sentences that each carry their own plurals. */
function processSummary(content: AnnexContent, tr: AnnexTranslator): string {
  const p = content.process;
  const unit = (key: 'unit.applications' | 'unit.countries' | 'unit.evaluators', count: number): string =>
    tr.t(key, { count });
  return [
    tr.t('process.received', {
      applications: unit('unit.applications', p.applicationsReceived),
      countries: unit('unit.countries', p.countries),
    }),
    tr.t('process.panel', {
      evaluators: unit('unit.evaluators', p.evaluators),
      perApplication: unit('unit.evaluators', p.evaluatorsPerApplication),
      min: p.scale.min,
      max: p.scale.max,
    }),
    tr.t('process.total'),
    tr.t(p.normalization === 'zscore' ? 'process.normalization.zscore' : 'process.normalization.none'),
    ...(p.consensusScores > 0 ? [tr.t('process.consensus', { count: p.consensusScores })] : []),
    ...(p.stages ? stagesSentences(p.stages, p.consensusScores > 0, tr) : []),
  ].join(' ');
}

/**
 * In a call of several stages: the stages, the criteria of the later ones, and the final ranking rule
 * (with what a consensus score stands for in a weighted mean, when one was recorded).
 */
function stagesSentences(
  stages: NonNullable<AnnexContent['process']['stages']>,
  withConsensus: boolean,
  tr: AnnexTranslator,
): string[] {
  const { finalRanking } = stages;
  return [
    tr.t('process.stages', { count: stages.names.length, names: stages.names.join('; ') }),
    ...stages.later.map((stage) =>
      tr.t('process.stage', {
        position: stage.position,
        name: stage.name,
        criteria: stage.criteria.map((c) => `${c.title} (${tr.number(c.weight)})`).join('; '),
      }),
    ),
    finalRanking.rule === 'weighted'
      ? tr.t('process.final.weighted', {
          weights: Object.entries(finalRanking.weights)
            .map(([position, weight]) => tr.t('process.weight', { position, weight: tr.number(weight) }))
            .join('; '),
        })
      : tr.t('process.final.lastStage'),
    ...(finalRanking.rule === 'weighted' && withConsensus ? [tr.t('process.final.weightedConsensus')] : []),
  ];
}

function criteriaTable(content: AnnexContent, tr: AnnexTranslator): TableSpec {
  const criteria = content.process.criteria;
  return {
    size: TABLE_TEXT_SIZE,
    columns: [
      { header: tr.t('criteria.code'), width: 0.12, unbreakable: true },
      { header: tr.t('criteria.title'), width: 0.54 },
      { header: tr.t('criteria.weight'), width: 0.16, align: 'right' },
      { header: tr.t('criteria.share'), width: 0.18, align: 'right' },
    ],
    rows: criteriaWithShares(criteria).map((c) => [c.code, c.title, tr.number(c.weight), tr.percent(c.share)]),
    totals: ['', tr.t('criteria.total'), tr.number(totalWeight(criteria)), tr.percent(criteria.length > 0 ? 1 : 0)],
  };
}

/** Rows of the last table that go with the integrity note, so that the last page never holds the note alone. */
const ROWS_KEPT_WITH_NOTE = 3;
const SPACE_AFTER_REGION = 16;

/** `closingHeight`: that of what follows the last table (the integrity note), kept with its last rows. */
function writeSelectedCentres(
  doc: PDFKit.PDFDocument,
  content: AnnexContent,
  tr: AnnexTranslator,
  closingHeight: number,
): void {
  const heading = tr.t('annex2.heading');
  doc.outline.addItem(heading);
  block(doc, heading, STYLE.annexHeading, { spaceAfter: 8 });
  const groups = groupMembersByRegion(content.members, tr.collator);
  if (groups.length === 0) {
    block(doc, tr.t('annex2.empty'), STYLE.body);
    return;
  }
  block(doc, tr.t('annex2.intro'), STYLE.body, { spaceAfter: 12 });
  let number = 0;
  groups.forEach((group, index) => {
    const region = tr.t(`region.${group.region}`);
    const rows = group.members.map((member) => {
      number += 1;
      return [tr.number(number), member.name, member.city ?? NO_CITY, member.countryName];
    });
    const last = index === groups.length - 1;
    const spec: TableSpec = {
      ...centresTable(tr, rows, tr.t('centres.regionContinued', { region })),
      ...(last ? { keepWithTail: { rows: ROWS_KEPT_WITH_NOTE, height: SPACE_AFTER_REGION + closingHeight } } : {}),
    };
    const centres = tr.t('unit.centres', { count: group.members.length });
    const heading = tr.t('centres.regionHeading', { region, centres });
    block(doc, heading, STYLE.regionHeading, { spaceAfter: 6, keepWithNext: tableLeadHeight(doc, spec) });
    table(doc, spec);
    doc.y += SPACE_AFTER_REGION;
  });
}

function centresTable(tr: AnnexTranslator, rows: string[][], continued: string): TableSpec {
  return {
    size: TABLE_TEXT_SIZE,
    continuation: { text: continued, style: STYLE.regionHeading },
    columns: [
      { header: tr.t('centres.number'), width: 0.07, align: 'right' },
      { header: tr.t('centres.name'), width: 0.47 },
      { header: tr.t('centres.city'), width: 0.2 },
      { header: tr.t('centres.country'), width: 0.26 },
    ],
    rows,
  };
}

const INTEGRITY_SPACE_BEFORE = 8;
const INTEGRITY_HEADING_SPACE = 6;

function integrityNoteParts(content: AnnexContent, tr: AnnexTranslator) {
  return {
    heading: tr.t('integrity.heading'),
    label: tr.t('integrity.hash'),
    howTo: tr.t('integrity.howTo'),
    // On a line of its own: wrapped inside the sentence, the path would break at a slash.
    request: PUBLIC_COHORT_REQUEST + content.cohortId,
  };
}

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

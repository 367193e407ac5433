import type { AgreementDocument } from '../domain/agreement';
import { AnnexLocale, annexTranslator } from './annex-i18n';
import { block, COLOR, FONT, horizontalRule, measureBlock, TextStyle } from './annex-pdf-layout';
import { collect, createPdfDocument, finishPdf } from './annex-pdf';

const STYLE = {
  letterhead: { font: FONT.regular, size: 9, color: COLOR.muted, align: 'center' },
  title: { font: FONT.bold, size: 16 },
  meta: { font: FONT.regular, size: 10 },
  heading: { font: FONT.bold, size: 12 },
  body: { font: FONT.regular, size: 10, align: 'justify' },
  signature: { font: FONT.regular, size: 10 },
} as const satisfies Record<string, TextStyle>;

/**
 * The cooperation agreement as issued to a centre: the parties, the call, the terms the secretariat
 * wrote for it, and a signature block for each party. The same document and locale always give the
 * same bytes (dated by the issue), so that a signed copy can be compared with what was issued.
 */
export async function renderAgreementPdf(
  document: AgreementDocument & { centre: { countryName: string } },
  locale: AnnexLocale,
): Promise<Buffer> {
  const tr = annexTranslator(locale);
  const { centre, call } = document;
  const doc = await createPdfDocument(tr, {
    title: tr.t('agreement.pdfTitle', { reference: call.reference, centre: centre.name }),
    subject: call.title,
    keywords: call.reference,
    date: document.issuedAt,
  });
  const rendered = collect(doc);
  block(doc, tr.t('document.organisation'), STYLE.letterhead, { spaceAfter: 6 });
  horizontalRule(doc, 18);
  block(doc, tr.t('agreement.title'), STYLE.title, { spaceAfter: 10 });
  const place = [centre.city, centre.countryName].filter(Boolean).join(', ');
  block(doc, tr.t('agreement.parties', { centre: centre.name, place }), STYLE.body, { spaceAfter: 12 });
  block(doc, tr.t('document.reference', { reference: call.reference }), STYLE.meta, { spaceAfter: 2 });
  block(doc, tr.t('agreement.call', { title: call.title }), STYLE.meta, { spaceAfter: 2 });
  block(doc, tr.t('agreement.issued', { date: tr.date(document.issuedAt) }), STYLE.meta, { spaceAfter: 16 });
  block(doc, tr.t('agreement.termsHeading'), STYLE.heading, { spaceAfter: 8 });
  for (const paragraph of document.terms.split(/\n\s*\n/)) block(doc, paragraph.trim(), STYLE.body, { spaceAfter: 8 });
  doc.y += 16;
  for (const party of [centre.name, tr.t('agreement.itu')]) {
    const lines = tr.t('agreement.signatureLines');
    block(doc, tr.t('agreement.for', { party }), STYLE.heading, {
      spaceAfter: 6,
      keepWithNext: measureBlock(doc, lines, STYLE.signature),
    });
    block(doc, lines, STYLE.signature, { spaceAfter: 18 });
  }
  finishPdf(doc, call.reference, tr);
  return rendered;
}

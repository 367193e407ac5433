import type { CircularContact } from '@app/calls';
import { AnnexTranslator, annexTranslator } from '../annex/annex-i18n';
import { STYLE, collect, createPdfDocument, finishPdf, writeAnnexSections } from '../annex/annex-pdf';
import { block, horizontalRule } from '../annex/annex-pdf-layout';
import { annexCount } from './circular-model';
import type { CircularAnnouncement, CircularDocument } from './circular.types';

/** Roman numerals, as ITU letters number their annexes. */
export const CIRCULAR_ANNEXES = { about: 'I', process: 'II', centres: 'III' } as const;

const SIGNATURE_SPACE = 36;

/**
 * A circular as a PDF letter: the letter, then Annex I about the programme and, in the results
 * circular, the annex generator's evaluation process (II) and centres by region (III). The same
 * document always gives the same bytes.
 */
export async function renderCircularPdf(document: CircularDocument): Promise<Buffer> {
  const tr = annexTranslator(document.locale);
  const doc = await createPdfDocument(tr, {
    title: tr.t('circular.pdfTitle', { reference: document.reference, subject: document.subject }),
    subject: document.callTitle,
    keywords: document.reference,
    date: document.date,
  });
  const rendered = collect(doc);
  writeLetter(doc, document, tr);
  doc.addPage();
  writeAbout(doc, document, tr);
  if (document.results) {
    doc.addPage();
    writeAnnexSections(doc, document.results, tr, CIRCULAR_ANNEXES);
  }
  finishPdf(doc, document.reference, tr);
  return rendered;
}

function writeLetter(doc: PDFKit.PDFDocument, document: CircularDocument, tr: AnnexTranslator): void {
  block(doc, tr.t('document.organisation'), STYLE.letterhead, { spaceAfter: 6 });
  horizontalRule(doc, 18);
  block(doc, tr.t('circular.reference', { reference: document.reference }), STYLE.meta, { spaceAfter: 2 });
  block(doc, placeAndDate(document, tr), STYLE.meta, { spaceAfter: 14 });
  block(doc, tr.t('circular.to'), STYLE.regionHeading, { spaceAfter: 2 });
  for (const category of document.addressees) {
    block(doc, `– ${tr.t(`addressee.${category}`)}`, STYLE.meta, { spaceAfter: 1 });
  }
  doc.y += 12;
  block(doc, `${tr.t('circular.subject')} ${document.subject}`, STYLE.regionHeading, { spaceAfter: 14 });
  block(doc, tr.t('circular.salutation'), STYLE.body, { spaceAfter: 8 });
  for (const paragraph of document.paragraphs) block(doc, paragraph, STYLE.body, { spaceAfter: 8 });
  if (document.announcement) writeAnnouncementLines(doc, document.announcement, tr);
  block(doc, tr.t('circular.closing'), STYLE.body, { spaceAfter: SIGNATURE_SPACE });
  if (document.signatory.name) block(doc, document.signatory.name, STYLE.regionHeading, { spaceAfter: 2 });
  block(doc, document.signatory.title, STYLE.meta, { spaceAfter: 18 });
  block(doc, tr.t('circular.annexes', { count: annexCount(document) }), STYLE.small);
}

/** The deadline, where to apply or reply, and whom to contact. */
function writeAnnouncementLines(
  doc: PDFKit.PDFDocument,
  announcement: CircularAnnouncement,
  tr: AnnexTranslator,
): void {
  const { contact } = announcement;
  block(doc, deadlineLine(announcement, tr), STYLE.body, { spaceAfter: 2 });
  block(doc, tr.t(applyKey(announcement), { url: announcement.applyUrl }), STYLE.body, { spaceAfter: contact ? 2 : 8 });
  if (contact) block(doc, contactLine(contact, tr), STYLE.body, { spaceAfter: 8 });
}

function writeAbout(doc: PDFKit.PDFDocument, document: CircularDocument, tr: AnnexTranslator): void {
  const heading = tr.t('circular.about.heading', { number: CIRCULAR_ANNEXES.about });
  doc.outline.addItem(heading);
  block(doc, heading, STYLE.annexHeading, { spaceAfter: 8 });
  for (const paragraph of document.about) block(doc, paragraph, STYLE.body, { spaceAfter: 8 });
}

export function placeAndDate(document: CircularDocument, tr: AnnexTranslator): string {
  return tr.t('circular.placeDate', { place: document.place, date: tr.date(document.date) });
}

/** A registration call's deadline is for replies, a selection call's for applications. */
export function deadlineLine(announcement: CircularAnnouncement, tr: AnnexTranslator): string {
  const key = announcement.kind === 'registration' ? 'circular.replyDeadline' : 'circular.deadline';
  return tr.t(key, { date: tr.genevaTime(announcement.deadline) });
}

/** The line before the link: where to apply, or where to reply. */
export function applyKey(announcement: CircularAnnouncement): 'circular.apply' | 'circular.reply' {
  return announcement.kind === 'registration' ? 'circular.reply' : 'circular.apply';
}

/** "Contact: name, e-mail" with the phone when there is one, punctuated as the language does. */
export function contactLine(contact: CircularContact, tr: AnnexTranslator, email = contact.email): string {
  const params = { name: contact.name, email, phone: contact.phone ?? '' };
  return tr.t(contact.phone ? 'circular.contactPhone' : 'circular.contact', params);
}

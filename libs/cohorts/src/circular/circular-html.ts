import { directionOf } from '@app/platform/languages';
import { AnnexTranslator, annexTranslator } from '../annex/annex-i18n';
import type { TableSpec } from '../annex/annex-pdf-layout';
import { centresByRegion, criteriaTable, integrityNoteParts, processSummary } from '../annex/annex-sections';
import type { AnnexContent } from '../annex/annex.types';
import { annexCount } from './circular-model';
import { CIRCULAR_ANNEXES, applyKey, contactLine, deadlineLine, placeAndDate } from './circular-pdf';
import type { CircularAnnouncement, CircularDocument } from './circular.types';

/**
 * The same circular as an accessible HTML page: its language declared, one h1 (the subject), an h2
 * per annex, data tables with header cells and scopes, and no table used for layout. Self-contained
 * (no script, no external resource) so that it reads the same saved or served.
 */
export function renderCircularHtml(document: CircularDocument): string {
  const tr = annexTranslator(document.locale);
  const sections = [letter(document, tr), about(document, tr)];
  if (document.results) sections.push(...annexSections(document.results, tr));
  return [
    '<!doctype html>',
    // Arabic reads right to left: the browser mirrors the page and its tables (left to right is the default).
    `<html lang="${escape(tr.intlLocale)}"${directionOf(tr.locale) === 'rtl' ? ' dir="rtl"' : ''}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(tr.t('circular.pdfTitle', { reference: document.reference, subject: document.subject }))}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const CSS = [
  'body{font-family:"DejaVu Sans",Arial,sans-serif;line-height:1.5;color:#000;background:#fff;margin:0}',
  'main{max-width:48rem;margin:0 auto;padding:2rem 1rem}',
  'table{border-collapse:collapse;width:100%;margin:0 0 1rem}',
  'th,td{border-bottom:1px solid #9a9a9a;padding:.25rem .5rem;text-align:start;vertical-align:top}',
  'thead th{background:#e6edf3}',
  '.number{text-align:end}',
  'code{overflow-wrap:anywhere}',
].join('');

function letter(document: CircularDocument, tr: AnnexTranslator): string {
  const addressees = document.addressees.map((category) => `<li>${escape(tr.t(`addressee.${category}`))}</li>`);
  const announcement = document.announcement ? announcementLines(document.announcement, tr) : [];
  return [
    '<header>',
    paragraph(tr.t('document.organisation')),
    paragraph(tr.t('circular.reference', { reference: document.reference })),
    paragraph(placeAndDate(document, tr)),
    '</header>',
    // A label rather than a heading: the subject, below it, is the letter's first heading (h1).
    `<p id="addressees">${escape(tr.t('circular.to'))}</p>`,
    `<ul aria-labelledby="addressees">${addressees.join('')}</ul>`,
    '<article>',
    `<h1>${escape(`${tr.t('circular.subject')} ${document.subject}`)}</h1>`,
    paragraph(tr.t('circular.salutation')),
    ...document.paragraphs.map(paragraph),
    ...announcement,
    paragraph(tr.t('circular.closing')),
    `<p>${document.signatory.name ? `<strong>${escape(document.signatory.name)}</strong><br>` : ''}${escape(
      document.signatory.title,
    )}</p>`,
    paragraph(tr.t('circular.annexes', { count: annexCount(document) })),
    '</article>',
  ].join('\n');
}

/** Stands for the e-mail address in the contact line until the address is put in as a link. */
const EMAIL_MARK = '\u0000';

/** The deadline, the link where to apply or reply, and whom to contact, the e-mail address a link too. */
function announcementLines(announcement: CircularAnnouncement, tr: AnnexTranslator): string[] {
  const { applyUrl, contact } = announcement;
  const lines = [
    paragraph(deadlineLine(announcement, tr)),
    `<p>${escape(tr.t(applyKey(announcement), { url: '' }))}<a href="${escape(applyUrl)}">${escape(applyUrl)}</a></p>`,
  ];
  if (contact) {
    // The message is written around the address, which the page links rather than escapes in place.
    const [before, after] = contactLine(contact, tr, EMAIL_MARK).split(EMAIL_MARK);
    const link = `<a href="mailto:${escape(contact.email)}">${escape(contact.email)}</a>`;
    lines.push(`<p>${escape(before)}${link}${escape(after ?? '')}</p>`);
  }
  return lines;
}

function about(document: CircularDocument, tr: AnnexTranslator): string {
  return section(tr.t('circular.about.heading', { number: CIRCULAR_ANNEXES.about }), document.about.map(paragraph));
}

function annexSections(content: AnnexContent, tr: AnnexTranslator): string[] {
  const process = section(tr.t('annex1.heading', { number: CIRCULAR_ANNEXES.process }), [
    paragraph(processSummary(content, tr)),
    dataTable(criteriaTable(content, tr), 0),
    paragraph(tr.t('process.selected', { count: content.process.selected, annex: CIRCULAR_ANNEXES.centres })),
  ]);
  const regions = centresByRegion(content, tr);
  const note = integrityNoteParts(content, tr);
  const centres = section(tr.t('annex2.heading', { number: CIRCULAR_ANNEXES.centres }), [
    paragraph(tr.t(regions.length === 0 ? 'annex2.empty' : 'annex2.intro')),
    ...regions.flatMap((region) => [`<h3>${escape(region.heading)}</h3>`, dataTable(region.table, 1)]),
    `<h3>${escape(note.heading)}</h3>`,
    `<p>${escape(note.label)} <code>${escape(content.contentHash)}</code></p>`,
    paragraph(note.howTo),
    `<p><code>${escape(note.request)}</code></p>`,
  ]);
  return [process, centres];
}

function section(heading: string, body: string[]): string {
  return ['<section>', `<h2>${escape(heading)}</h2>`, ...body, '</section>'].join('\n');
}

/** A data table: column headers in thead, each row headed by its `rowHeader` cell, totals in tfoot. */
function dataTable(spec: TableSpec, rowHeader: number): string {
  const cell = (text: string, index: number, header: boolean): string => {
    const numeric = spec.columns[index]?.align === 'right' ? ' class="number"' : '';
    if (header) return `<th scope="row"${numeric}>${escape(text)}</th>`;
    return `<td${numeric}>${escape(text)}</td>`;
  };
  const row = (cells: readonly string[], header = rowHeader) =>
    `<tr>${cells.map((text, index) => cell(text, index, index === header)).join('')}</tr>`;
  const head = spec.columns.map(
    (c) => `<th scope="col"${c.align === 'right' ? ' class="number"' : ''}>${escape(c.header)}</th>`,
  );
  return [
    '<table>',
    `<thead><tr>${head.join('')}</tr></thead>`,
    `<tbody>${spec.rows.map((cells) => row(cells)).join('')}</tbody>`,
    ...(spec.totals
      ? [
          `<tfoot>${row(
            spec.totals,
            spec.totals.findIndex((text) => text !== ''),
          )}</tfoot>`,
        ]
      : []),
    '</table>',
  ].join('\n');
}

function paragraph(text: string): string {
  return `<p>${escape(text)}</p>`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

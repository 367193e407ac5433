import { type Language, directionOf } from '@app/platform/languages';

/**
 * The HTML alternative of an e-mail's plain text, for mail clients to lay it out in its language:
 * `lang` picks the fonts and the hyphenation, `dir` the direction, so that Arabic reads right to left
 * with its punctuation on the right side, which plain text cannot say. Paragraphs are the text's,
 * line breaks kept, addresses made links; everything else is escaped text, never markup.
 */
export function emailHtml(email: { subject: string; text: string; language: Language }): string {
  const { language } = email;
  const dir = directionOf(language);
  const paragraphs = email.text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(lineHtml).join('<br>\n')}</p>`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}" dir="${dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(email.subject)}</title>`,
    '</head>',
    `<body dir="${dir}" style="font-family: sans-serif; line-height: 1.5; text-align: start">`,
    ...paragraphs,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const URL = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)»]/g;

/** A line of text, escaped, its web addresses as links (in an isolate, so that they stay left to right). */
function lineHtml(line: string): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(URL)) {
    const url = escapeHtml(match[0]);
    html += `${escapeHtml(line.slice(last, match.index))}<a href="${url}" dir="ltr">${url}</a>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(line.slice(last));
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.js');
let pdfjs: Pdfjs | undefined;

/** pdfjs warns on load that it cannot draw without `canvas`; tests only read text, so that is noise. */
function loadPdfjs(): Pdfjs {
  if (pdfjs) return pdfjs;
  const log = console.log;
  console.log = () => undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as Pdfjs;
  } finally {
    console.log = log;
  }
  return pdfjs;
}

/** A run of text as pdfjs reports it; x and y in PDF points from the bottom-left corner. */
export interface PdfTextRun {
  page: number;
  str: string;
  x: number;
  y: number;
  width: number;
}

export interface PdfText {
  /** Text of each page, whitespace collapsed. */
  pages: string[];
  /** All pages, whitespace collapsed to single spaces. */
  text: string;
  runs: PdfTextRun[];
  /** [width, height] of each page in points. */
  sizes: Array<[number, number]>;
}

/**
 * The text a reader (or a screen reader) gets out of the PDF. pdfjs returns runs of text, split at
 * line ends and sometimes inside a line; runs are joined with a space only at line ends (unless the
 * line broke after a hyphen), then
 * whitespace (including the no-break spaces of French typography) is collapsed, so that a name
 * that wraps onto two lines of its cell reads back as one phrase.
 */
export async function extractPdfText(pdf: Buffer, direction: 'ltr' | 'rtl' = 'ltr'): Promise<PdfText> {
  const document = await loadPdfjs().getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const result: PdfText = { pages: [], text: '', runs: [], sizes: [] };
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const [left, bottom, right, top] = page.view;
    result.sizes.push([right - left, top - bottom]);
    const content = await page.getTextContent();
    if (direction === 'rtl') {
      const items = content.items.filter((item) => 'str' in item);
      for (const item of items) {
        const [x, y] = [Number(item.transform[4]), Number(item.transform[5])];
        result.runs.push({ page: number, str: item.str, x, y, width: item.width });
      }
      result.pages.push(collapse(readingOrder(result.runs.filter((run) => run.page === number))));
      continue;
    }
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str;
      if (item.hasEOL && !BREAKS_AFTER.test(text)) text += ' ';
      const [x, y] = [Number(item.transform[4]), Number(item.transform[5])];
      result.runs.push({ page: number, str: item.str, x, y, width: item.width });
    }
    result.pages.push(collapse(text));
  }
  await document.destroy();
  result.text = result.pages.join(' ');
  return result;
}

/**
 * The text of a right-to-left page as read: line by line from the top, each line from the right,
 * the runs pdfjs already turned to reading order one by one; a sequence of left-to-right runs (a
 * Latin name, a number) inside the line keeps its own order.
 */
function readingOrder(runs: readonly PdfTextRun[]): string {
  const lines = new Map<number, PdfTextRun[]>();
  for (const run of runs) {
    const key = Math.round(run.y);
    lines.set(key, [...(lines.get(key) ?? []), run]);
  }
  return [...lines.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, line]) => {
      const fromRight = [...line].sort((a, b) => b.x - a.x);
      const ordered: PdfTextRun[] = [];
      let ltr: PdfTextRun[] = [];
      for (const run of fromRight) {
        if (LEFT_TO_RIGHT.test(run.str) && !ARABIC.test(run.str)) ltr.unshift(run);
        else {
          ordered.push(...ltr, run);
          ltr = [];
        }
      }
      return [...ordered, ...ltr].map((run) => run.str).join('');
    })
    .join(' ');
}

const ARABIC = /\p{Script=Arabic}/u;
const LEFT_TO_RIGHT = /[\p{L}\p{Nd}]/u;

/**
 * pdfkit never hyphenates: a line that ends with a hyphen or a slash was broken after a character
 * of the text itself (as in "medium-sized"), so the next line continues the same word.
 */
const BREAKS_AFTER = /[-/]$/u;

export function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** For runs pdfkit had to break inside a word: compare with every whitespace removed. */
export function compact(text: string): string {
  return text.replace(/\s+/gu, '');
}

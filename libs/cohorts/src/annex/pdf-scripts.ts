import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TextDirection } from '@app/platform/languages';

/**
 * Text in any of the six languages on a pdfkit page. pdfkit draws a line in one font, left to right,
 * in the order of its characters; this teaches a document to draw each line as runs:
 * - in visual order, by the Unicode bidirectional algorithm (bidi-js) over the line pdfkit wrapped,
 *   so that Arabic reads right to left with Latin names and numbers inside it left to right;
 * - each run in a font that has its script: DejaVu Sans (Latin, Greek, Cyrillic), Noto Naskh Arabic,
 *   Noto Sans SC (simplified Chinese), all shipped by npm packages and embedded as subsets;
 * - Arabic shaped by fontkit (the font's OpenType joining forms and ligatures), which also lays a
 *   right-to-left run out in visual order.
 * In a right-to-left document `left` and `right` swap, so that text starts on the right. A line that
 * needs none of this (one font, no right-to-left text) is drawn by pdfkit itself, unchanged.
 */

interface Bidi {
  getEmbeddingLevels(text: string, direction?: TextDirection): { levels: Uint8Array };
  getMirroredCharacter(char: string): string | null;
  getBidiCharTypeName(char: string): string;
}
// bidi-js ships no types and exports its factory alone.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bidi = (require('bidi-js') as () => Bidi)();

/** The fontkit font inside a pdfkit font, and how pdfkit maps its glyphs back to text. */
interface EmbeddedFont {
  font: { hasGlyphForCodePoint(codePoint: number): boolean };
  ascender: number;
  unicode: number[][];
  encode(text: string, features?: string[]): [string[], unknown[]];
}

/** What pdfkit does not declare of itself: its current font and its line drawer. */
interface Internals {
  _text(text: string, x: number, y: number, options: unknown, lineCallback: unknown): PDFKit.PDFDocument;
  _font: EmbeddedFont;
  _fontSize: number;
  _fragment(text: string, x: number, y: number, options: FragmentOptions): void;
  widthOfString(text: string, options?: PDFKit.Mixins.TextOptions): number;
}
type Document = PDFKit.PDFDocument & Internals;
type FragmentOptions = PDFKit.Mixins.TextOptions & { lineWidth?: number; textWidth?: number; wordCount?: number };

type Script = 'arabic' | 'chinese';

function fontFile(pkg: string, file: string): string {
  // The packages export their list of files, not the files: find them beside the entry point.
  return path.join(path.dirname(require.resolve(pkg)), '..', 'fonts', file);
}

const fontBytes = new Map<string, Buffer>();

/** A font's file, read once per process: the Chinese ones weigh 8 MB each. */
function bytesOf(file: string): Buffer {
  let bytes = fontBytes.get(file);
  if (!bytes) fontBytes.set(file, (bytes = readFileSync(file)));
  return bytes;
}

/** The font of each script, by the weight of the document's font it stands in for. */
const SCRIPT_FONTS: Record<Script, { regular: [string, string]; bold: [string, string] }> = {
  arabic: {
    regular: ['NotoNaskhArabic', fontFile('@embedpdf/fonts-arabic', 'NotoNaskhArabic-Regular.ttf')],
    bold: ['NotoNaskhArabic-Bold', fontFile('@embedpdf/fonts-arabic', 'NotoNaskhArabic-Bold.ttf')],
  },
  chinese: {
    regular: ['NotoSansSC', fontFile('@embedpdf/fonts-sc', 'NotoSansHans-Regular.otf')],
    bold: ['NotoSansSC-Bold', fontFile('@embedpdf/fonts-sc', 'NotoSansHans-Bold.otf')],
  },
};

/** The script a character needs a font of its own for, if any. */
export function scriptOf(codePoint: number): Script | undefined {
  if (
    (codePoint >= 0x0600 && codePoint <= 0x08ff) ||
    (codePoint >= 0xfb50 && codePoint <= 0xfdff) ||
    (codePoint >= 0xfe70 && codePoint <= 0xfeff)
  ) {
    return 'arabic';
  }
  if (
    (codePoint >= 0x2e80 && codePoint <= 0x2fdf) ||
    (codePoint >= 0x3000 && codePoint <= 0x303f) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef)
  ) {
    return 'chinese';
  }
  return undefined;
}

interface Run {
  text: string;
  font: EmbeddedFont;
  rtl: boolean;
}

const DIRECTIONS = new WeakMap<PDFKit.PDFDocument, TextDirection>();

/** The direction `doc` was set up with: tables and other layouts mirror in a right-to-left one. */
export function documentDirection(doc: PDFKit.PDFDocument): TextDirection {
  return DIRECTIONS.get(doc) ?? 'ltr';
}

/** Teaches `doc` to draw lines of any of the six languages, in `direction`. */
export function installScripts(doc: PDFKit.PDFDocument, direction: TextDirection): void {
  DIRECTIONS.set(doc, direction);
  const d = doc as Document;
  for (const { regular, bold } of Object.values(SCRIPT_FONTS)) {
    d.registerFont(regular[0], bytesOf(regular[1])).registerFont(bold[0], bytesOf(bold[1]));
  }
  const loaded = new Map<string, EmbeddedFont>();
  /** The font of a script at the weight of `base`, loaded (and so embedded) only once a line needs it. */
  const scriptFont = (script: Script, base: EmbeddedFont): EmbeddedFont => {
    const [name] = /bold/i.test(fontName(base)) ? SCRIPT_FONTS[script].bold : SCRIPT_FONTS[script].regular;
    let font = loaded.get(name);
    if (!font) {
      const current = d._font;
      d.font(name);
      font = d._font;
      d._font = current;
      if (script === 'arabic') mapLigaturesRightToLeft(font);
      loaded.set(name, font);
    }
    return font;
  };
  /**
   * Each text pdfkit lays out (a paragraph, a table cell) runs in the direction of its first letter,
   * as HTML's dir="auto": a Russian name in an Arabic table reads left to right, its closing
   * quotation mark at its end; text without letters takes the document's direction.
   */
  let paragraph = direction;
  const layOut = d._text.bind(d);
  d._text = (text, x, y, options, lineCallback) => {
    const outer = paragraph;
    paragraph = firstStrongDirection(String(text)) ?? direction;
    try {
      return layOut(text, x, y, options, lineCallback);
    } finally {
      paragraph = outer;
    }
  };
  const runsOf = (text: string): Run[] => visualRuns(text, paragraph, d._font, scriptFont);
  const simple = (text: string) => direction === 'ltr' && !needsRuns(text);

  const measure = d.widthOfString.bind(d);
  d.widthOfString = (text, options) => {
    if (simple(text)) return measure(text, options);
    return sumWidths(d, runsOf(text), measure, options);
  };

  const draw = d._fragment.bind(d);
  d._fragment = (text, x, y, options) => {
    if (simple(text)) return draw(text, x, y, options);
    const line = text.replace(/\n/g, '').replace(/\s+$/, '');
    const runs = runsOf(line);
    const width = sumWidths(d, runs, measure, options);
    let left = x + offsetOf(startAligned(options.align, direction), options, width);
    const base = d._font;
    // Every run sits on the line's baseline, that of the document's font, whatever its own font's ascender.
    const baseline = typeof options.baseline === 'number' ? options.baseline : -base.ascender * (d._fontSize / 1000);
    for (const run of runs) {
      d._font = run.font;
      // A right-to-left run is laid out whole (features set), so that fontkit shapes and reverses it at once.
      const runOptions = {
        ...options,
        align: 'left' as const,
        width: undefined,
        wordSpacing: 0,
        textWidth: undefined,
        baseline,
      };
      draw(run.text, left, y, run.rtl ? { ...runOptions, features: [] } : runOptions);
      left += measure(run.text, runOptions);
      d._font = base;
    }
  };
}

function fontName(font: EmbeddedFont): string {
  return (font as unknown as { name?: string }).name ?? '';
}

function firstStrongDirection(text: string): TextDirection | undefined {
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char);
    if (type === 'L') return 'ltr';
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return undefined;
}

function needsRuns(text: string): boolean {
  for (const char of text) {
    if (scriptOf(char.codePointAt(0) as number) !== undefined) return true;
  }
  return false;
}

/** The alignment a right-to-left document means: its start is on the right; justified lines too. */
function startAligned(align: FragmentOptions['align'], direction: TextDirection): FragmentOptions['align'] {
  if (direction === 'ltr') return align === 'justify' ? 'left' : align;
  if (align === 'right') return 'left';
  return align === 'center' ? 'center' : 'right';
}

function offsetOf(align: FragmentOptions['align'], options: FragmentOptions, width: number): number {
  if (!options.width) return 0;
  const room = options.lineWidth ?? options.width;
  if (align === 'right') return room - width;
  if (align === 'center') return (room - width) / 2;
  return 0;
}

function sumWidths(
  d: Document,
  runs: readonly Run[],
  measure: (text: string, options?: PDFKit.Mixins.TextOptions) => number,
  options?: PDFKit.Mixins.TextOptions,
): number {
  const base = d._font;
  let width = 0;
  for (const run of runs) {
    d._font = run.font;
    width += measure(run.text, options);
  }
  d._font = base;
  return width;
}

/**
 * The line's runs in the order they are drawn, left to right. A right-to-left run keeps its text in
 * reading order when it has Arabic letters (fontkit reverses it while shaping); other right-to-left
 * runs (punctuation, brackets) are reversed here, mirrored.
 */
export function visualRuns(
  text: string,
  direction: TextDirection,
  base: EmbeddedFont,
  scriptFont: (script: Script, base: EmbeddedFont) => EmbeddedFont,
): Run[] {
  const chars = [...text];
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  // levels are per UTF-16 unit; take each character's from its first unit.
  const charLevels: number[] = [];
  let unit = 0;
  for (const char of chars) {
    charLevels.push(levels[unit]);
    unit += char.length;
  }
  const logical: Array<Run & { level: number }> = [];
  chars.forEach((char, index) => {
    const codePoint = char.codePointAt(0) as number;
    const level = charLevels[index];
    const script = scriptOf(codePoint);
    const previous = logical[logical.length - 1];
    // A space or a digit stays in the run before it when its font has the glyph, so that words stay together.
    const font =
      script !== undefined
        ? scriptFont(script, base)
        : previous && previous.level === level && previous.font.font.hasGlyphForCodePoint(codePoint)
          ? previous.font
          : base;
    if (previous && previous.level === level && previous.font === font) previous.text += char;
    else logical.push({ text: char, font, rtl: level % 2 === 1, level });
  });
  return reorder(logical).map(({ text: runText, font, rtl }) => ({
    text: rtl && !hasArabic(runText) ? mirrored(runText) : runText,
    font,
    rtl: rtl && hasArabic(runText),
  }));
}

/** UAX #9 rule L2: from the highest level down to the lowest odd one, reverse each sequence at that level or above. */
function reorder<T extends { level: number }>(runs: T[]): T[] {
  const result = [...runs];
  const highest = Math.max(0, ...result.map((run) => run.level));
  const lowestOdd = Math.min(...result.map((run) => (run.level % 2 === 1 ? run.level : Infinity)));
  for (let level = highest; level >= lowestOdd && level > 0; level -= 1) {
    let start = 0;
    while (start < result.length) {
      if (result[start].level < level) {
        start += 1;
        continue;
      }
      let end = start;
      while (end + 1 < result.length && result[end + 1].level >= level) end += 1;
      result.splice(start, end - start + 1, ...result.slice(start, end + 1).reverse());
      start = end + 1;
    }
  }
  return result;
}

function hasArabic(text: string): boolean {
  return [...text].some((char) => scriptOf(char.codePointAt(0) as number) === 'arabic');
}

function mirrored(text: string): string {
  return [...text]
    .reverse()
    .map((char) => bidi.getMirroredCharacter(char) ?? char)
    .join('');
}

/**
 * A ligature (lam-alef) is drawn in visual order, but a reader of the PDF's text (copy, search,
 * pdfjs) turns the line back to reading order character by character: its characters are mapped in
 * reverse so that they come back the right way round.
 */
function mapLigaturesRightToLeft(font: EmbeddedFont): void {
  const encode = font.encode.bind(font);
  const reversed = new Set<number>();
  font.encode = (text, features) => {
    const result = encode(text, features);
    font.unicode.forEach((codePoints, gid) => {
      if (codePoints && codePoints.length > 1 && !reversed.has(gid)) {
        font.unicode[gid] = [...codePoints].reverse();
        reversed.add(gid);
      }
    });
    return result;
  };
}

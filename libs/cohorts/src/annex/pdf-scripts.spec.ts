import { collect } from './annex-pdf';
import { registerFonts, FONT } from './annex-pdf-layout';
import { installScripts } from './pdf-scripts';
import { extractPdfText, PdfText } from './testing/pdf-text';
import type { TextDirection } from '@app/platform/languages';

async function render(direction: TextDirection, lines: readonly string[], bold = false): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', font: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf') });
  registerFonts(doc);
  installScripts(doc, direction);
  const rendered = collect(doc);
  doc.font(bold ? FONT.bold : FONT.regular).fontSize(12);
  for (const line of lines) doc.text(line, 56, doc.y, { width: 480, align: 'justify' });
  doc.end();
  return rendered;
}

async function textOf(direction: TextDirection, lines: readonly string[], bold = false): Promise<PdfText> {
  return extractPdfText(await render(direction, lines, bold), direction);
}

/** Text of a PDF's fonts: which fonts it embeds, by their subset names. */
function embeddedFonts(pdf: Buffer): string[] {
  return [...new Set([...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]))].sort();
}

describe('installScripts', () => {
  it('prints Arabic shaped, in reading order, with Latin names and numbers inside it', async () => {
    const line = 'أعلن الاتحاد الدولي للاتصالات عن 17 مركزاً، منها Kigali Innovation City.';
    const { text, runs } = await textOf('rtl', [line]);
    expect(text).toContain('الاتحاد الدولي للاتصالات');
    expect(text).toContain('Kigali Innovation City');
    expect(text).toContain('17');
    // Right to left: the line starts on the right, so its first word is drawn right of the Latin name.
    const first = runs.find((run) => run.str.includes('أعلن')) as { x: number; width: number };
    const latin = runs.find((run) => run.str.includes('Kigali')) as { x: number };
    expect(first.x).toBeGreaterThan(latin.x);
  });

  it('embeds subsets of the script fonts only where a line needs them', async () => {
    const latin = await render('ltr', ['Технопарк «Сколково», Poznań']);
    expect(embeddedFonts(latin)).toEqual(['DejaVuSans']);
    const all = await render('ltr', ['国际电信联盟', 'الاتحاد الدولي للاتصالات', 'Союз']);
    expect(embeddedFonts(all)).toEqual(['DejaVuSans', 'NotoNaskhArabic', 'NotoSansHans-Regular']);
    // A subset: the Chinese font's file is megabytes, the document with six ideographs is not.
    expect(all.length).toBeLessThan(200_000);
  });

  it('prints Chinese, Cyrillic and Latin side by side in a left-to-right line', async () => {
    const { text } = await textOf('ltr', ['国际电信联盟（ITU）与 Технопарк «Сколково» 合作。']);
    expect(text).toContain('国际电信联盟');
    expect(text).toContain('Технопарк «Сколково»');
    expect(text).toContain('合作。');
  });

  it('wraps long Arabic and Chinese paragraphs without losing or reordering words', async () => {
    const arabic = Array.from({ length: 12 }, (_, i) => `المركز رقم ${i + 1} للابتكار`).join('، ');
    const chinese = Array.from({ length: 12 }, (_, i) => `第${i + 1}个创新中心`).join('，');
    const rtl = await textOf('rtl', [arabic], true);
    for (let i = 1; i <= 12; i += 1) expect(rtl.text).toContain(`المركز رقم ${i} للابتكار`);
    const ltr = await textOf('ltr', [chinese]);
    expect(ltr.text.replace(/\s/g, '')).toContain(chinese);
  });

  it('leaves a left-to-right document without Arabic or Chinese byte for byte as pdfkit draws it', async () => {
    const { default: PDFDocument } = await import('pdfkit');
    const plain = async (install: boolean) => {
      const doc = new PDFDocument({
        size: 'A4',
        font: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
        info: { CreationDate: new Date('2024-01-01T00:00:00Z') },
      });
      registerFonts(doc);
      if (install) installScripts(doc, 'ltr');
      const rendered = collect(doc);
      doc.font(FONT.regular).text('Résultats de l’appel — Союз, Poznań', { width: 300, align: 'justify' });
      doc.end();
      return rendered;
    };
    const [before, after] = await Promise.all([plain(false), plain(true)]);
    expect(after.equals(before)).toBe(true);
  });
});

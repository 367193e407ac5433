import { renderAnnexPdf } from './annex-pdf';
import { PAGE_MARGINS } from './annex-pdf-layout';
import { largeAnnex, seedAnnex } from './testing/annex-fixtures';
import { compact, extractPdfText, PdfText, PdfTextRun } from './testing/pdf-text';

const A4_WIDTH = 595.28;
const CONTENT_RIGHT = A4_WIDTH - PAGE_MARGINS.right;
// The centres table gives the number 7% and the name 47% of the content width.
const NAME_COLUMN_RIGHT = PAGE_MARGINS.left + 0.54 * (A4_WIDTH - PAGE_MARGINS.left - PAGE_MARGINS.right);
/** pdfjs measures glyph advances slightly differently from pdfkit. */
const TOLERANCE = 1;

describe('renderAnnexPdf with a long list', () => {
  const content = largeAnnex(300);
  let read: PdfText;

  beforeAll(async () => {
    read = await extractPdfText(await renderAnnexPdf(content, 'fr'));
  }, 60_000);

  it('runs onto several pages, each numbered out of the total', () => {
    expect(read.pages.length).toBeGreaterThanOrEqual(6);
    read.pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} sur ${read.pages.length}`));
  });

  it('prints every centre, each one whole on a single page', () => {
    for (const member of content.members) {
      const pages = read.pages.filter((page) => page.includes(member.name));
      expect({ name: member.name, pages: pages.length }).toEqual({ name: member.name, pages: 1 });
    }
  });

  it('repeats the table header on every page that carries centres', () => {
    const pagesWithCentres = read.pages.filter((page) => content.members.some((member) => page.includes(member.name)));
    expect(pagesWithCentres.length).toBeGreaterThan(1);
    for (const page of pagesWithCentres) expect(page).toContain('N° Centre Ville Pays');
  });

  it('says which region a table continues on each new page', () => {
    const continued = read.pages.filter((page) => / \(suite\) N° Centre Ville Pays \d+ \S/u.test(page));
    expect(continued.length).toBeGreaterThan(0);
    const pagesWithCentres = read.pages.filter((page) => content.members.some((member) => page.includes(member.name)));
    for (const page of pagesWithCentres.slice(1))
      expect(page).toMatch(
        /^(Afrique|Amériques|États arabes|Asie-Pacifique|CEI|Europe) \((suite|50 centres)\) N° Centre/u,
      );
  });

  it('keeps each region heading on the page of its table header and first row', () => {
    for (const region of ['Afrique', 'Amériques', 'États arabes', 'Asie-Pacifique', 'CEI', 'Europe']) {
      const lead = new RegExp(`${region} \\(50 centres\\) N° Centre Ville Pays \\d+ \\S`, 'u');
      expect(read.pages.filter((page) => lead.test(page))).toHaveLength(1);
    }
  });

  it('leaves the bottom margin to the footer', () => {
    const inBottomMargin = read.runs.filter((run) => run.str.trim() !== '' && run.y < PAGE_MARGINS.bottom - 8);
    expect(inBottomMargin.length).toBeGreaterThan(0);
    for (const run of inBottomMargin) expect(run.str).toMatch(/^(Page \d+ sur \d+|BDT\/IEA\/2024\/01)$/u);
  });

  it('keeps all text inside the page margins and long names inside their column', () => {
    for (const run of read.runs.filter((r) => r.str.trim() !== '')) {
      expect(run.x).toBeGreaterThanOrEqual(PAGE_MARGINS.left - TOLERANCE);
      expect(run.x + run.width).toBeLessThanOrEqual(CONTENT_RIGHT + TOLERANCE);
    }
    const longName = content.members[0].name;
    const pieces = nameColumnRuns(read.runs, longName);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.x + piece.width).toBeLessThanOrEqual(NAME_COLUMN_RIGHT + TOLERANCE);
  });
});

describe('renderAnnexPdf with a name that has no place to break', () => {
  it('breaks it inside the word rather than letting it overflow into the next column', async () => {
    const base = seedAnnex('en');
    const unbreakable = 'Κέντρο'.repeat(20);
    const content = { ...base, members: [{ ...base.members[0], name: unbreakable }] };
    const read = await extractPdfText(await renderAnnexPdf(content, 'en'));
    expect(compact(read.text)).toContain(unbreakable);
    const pieces = read.runs.filter((run) => run.str.length > 3 && unbreakable.includes(run.str));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.x + piece.width).toBeLessThanOrEqual(NAME_COLUMN_RIGHT + TOLERANCE);
  });
});

/** The runs that print the lines of `name`: from its first line, the runs that start at the same x. */
function nameColumnRuns(runs: readonly PdfTextRun[], name: string): PdfTextRun[] {
  const first = runs.find((run) => run.str.length > 3 && name.startsWith(run.str));
  if (!first) return [];
  const sameCell = runs.filter((run) => run.page === first.page && Math.abs(run.x - first.x) < 0.5 && run.y <= first.y);
  const pieces: PdfTextRun[] = [];
  for (const run of sameCell.filter((r) => r.str.trim() !== '')) {
    if (!name.includes(run.str.trim())) break;
    pieces.push(run);
  }
  return pieces;
}

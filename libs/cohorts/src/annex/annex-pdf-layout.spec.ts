import { renderAnnexPdf } from './annex-pdf';
import { PAGE_MARGINS } from './annex-pdf-layout';
import { AnnexContent } from './annex.types';
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

/** The demo call's criteria, whose longer codes used to break ("PROGRAM" / "ME"), and the longest code a call may have. */
const WIDE_CODES = [
  { code: 'TRACK', title: 'Track record in supporting digital innovation and entrepreneurship', weight: 20 },
  { code: 'CAPACITY', title: 'Institutional capacity: team, facilities and resources', weight: 15 },
  { code: 'PROGRAMME', title: 'Quality and relevance of the acceleration programme', weight: 20 },
  { code: 'ECOSYSTEM', title: 'Partnerships and engagement with the innovation ecosystem', weight: 15 },
  { code: 'INCLUSION', title: 'Inclusion of women, youth and underserved communities', weight: 10 },
  { code: 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW', title: 'A code of 40 of the widest letter', weight: 10 },
];

describe.each(['en', 'fr'] as const)('renderAnnexPdf with criterion codes wider than their column (%s)', (locale) => {
  let read: PdfText;

  beforeAll(async () => {
    const base = seedAnnex(locale);
    read = await extractPdfText(
      await renderAnnexPdf({ ...base, process: { ...base.process, criteria: WIDE_CODES } }, locale),
    );
  });

  it('prints each code whole on one line, left of its title', () => {
    for (const { code, title } of WIDE_CODES) {
      const run = read.runs.find((r) => r.str.trim() === code);
      expect({ code, whole: run !== undefined }).toEqual({ code, whole: true });
      const titleRun = read.runs.find((r) => r.page === run?.page && title.startsWith(r.str.trim()) && r.str.trim());
      expect(titleRun).toBeDefined();
      // On the title's first line (a code printed smaller sits a little higher on it).
      expect(Math.abs((titleRun?.y ?? 0) - (run?.y ?? 0))).toBeLessThan(9);
      expect((run?.x ?? 0) + (run?.width ?? 0)).toBeLessThanOrEqual((titleRun?.x ?? 0) + TOLERANCE);
    }
  });
});

describe('renderAnnexPdf with more criteria than a page holds', () => {
  it('repeats the criteria table header on every page that carries criteria, codes whole', async () => {
    const base = seedAnnex('en');
    const criteria = Array.from({ length: 45 }, (_, index) => ({
      code: `CRITERION-${String(index + 1).padStart(2, '0')}`,
      title: `Criterion ${index + 1}: quality of the programme, of its mentoring and of its reach in the ecosystem`,
      weight: 1,
    }));
    const read = await extractPdfText(await renderAnnexPdf({ ...base, process: { ...base.process, criteria } }, 'en'));
    const pages = read.pages.filter((page) => criteria.some((criterion) => page.includes(criterion.code)));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('Code Criterion Weight Share of total CRITERION-');
    for (const { code } of criteria) expect(read.runs.filter((r) => r.str.trim() === code)).toHaveLength(1);
  });
});

describe('renderAnnexPdf last page', () => {
  const HEADER = 'No. Centre City Country';
  const NOTE = 'Verifying this list';

  /** Cohorts of every size from 10 to 70 centres, so that the note falls at every height of a page. */
  const sizes = Array.from({ length: 31 }, (_, index) => 10 + 2 * index);

  it.each(sizes)('with %i centres carries centres with the integrity note, under a table header', async (count) => {
    const large = largeAnnex(count);
    const content: AnnexContent = { ...seedAnnex('en'), members: large.members, process: large.process };
    const read = await extractPdfText(await renderAnnexPdf(content, 'en'));
    const last = read.pages[read.pages.length - 1];
    expect(last).toContain(NOTE);
    const before = last.slice(0, last.indexOf(NOTE));
    const centres = content.members.filter((member) => before.includes(member.name));
    // The last region's last three centres, or all of them when it has fewer (Europe comes last).
    const europe = content.members.filter((member) => member.region === 'EUR').length;
    expect(centres.length).toBeGreaterThanOrEqual(Math.min(3, europe));
    expect(before).toContain(HEADER);
    for (const page of read.pages.filter((p) => content.members.some((m) => p.includes(m.name)))) {
      expect(page).toContain(HEADER);
    }
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

import { AnnexLocale } from './annex-i18n';
import { renderAnnexPdf } from './annex-pdf';
import { AnnexContent } from './annex.types';
import { SEED_CENTRES, SEED_CRITERIA, seedAnnex } from './testing/annex-fixtures';
import { collapse, extractPdfText, PdfText } from './testing/pdf-text';

const A4 = [595.28, 841.89];

interface Expected {
  organisation: string;
  published: string;
  figures: string;
  panel: string;
  zscore: string;
  regions: string[];
  criteriaHeader: string;
  shares: string[];
  page: (page: number, pages: number) => string;
  hashLabel: string;
}

// Written out rather than read from the catalogues, so that a wrong translation fails here.
// English and French here; the six languages' scripts in annex-languages.spec.ts.
const EXPECTED: Record<'en' | 'fr', Expected> = {
  en: {
    organisation: 'International Telecommunication Union — Telecommunication Development Bureau',
    published: 'Published: 18 November 2024',
    figures: 'The call received 44 applications from 35 countries.',
    panel: 'The evaluation panel comprised 12 evaluators; each application was scored independently by 3 evaluators',
    zscore: 'Scores were normalized by z-score',
    regions: [
      'Africa (4 centres)',
      'Americas (3 centres)',
      'Arab States (3 centres)',
      'Asia and the Pacific (3 centres)',
      'CIS (2 centres)',
      'Europe (2 centres)',
    ],
    criteriaHeader: 'Code Criterion Weight Share of total',
    shares: ['28.6%', '21.4%', '21.4%', '14.3%', '14.3%'],
    page: (page, pages) => `Page ${page} of ${pages}`,
    hashLabel: 'Content hash (SHA-256):',
  },
  fr: {
    organisation: 'Union internationale des télécommunications — Bureau de développement des télécommunications',
    published: 'Date de publication : 18 novembre 2024',
    figures: 'L’appel a reçu 44 candidatures provenant de 35 pays.',
    panel:
      'Le comité d’évaluation comptait 12 évaluateurs ; chaque candidature a été notée de manière indépendante par 3 évaluateurs',
    zscore: 'Les notes ont été normalisées par la méthode du score z',
    regions: [
      'Afrique (4 centres)',
      'Amériques (3 centres)',
      'États arabes (3 centres)',
      'Asie-Pacifique (3 centres)',
      'CEI (2 centres)',
      'Europe (2 centres)',
    ],
    criteriaHeader: 'Code Critère Pondération Part du total',
    shares: ['28,6 %', '21,4 %', '21,4 %', '14,3 %', '14,3 %'],
    page: (page, pages) => `Page ${page} sur ${pages}`,
    hashLabel: 'Empreinte du contenu (SHA-256) :',
  },
};

describe.each(['en', 'fr'] as const)('renderAnnexPdf (%s)', (locale) => {
  const content = seedAnnex(locale);
  const expected = EXPECTED[locale];
  let pdf: Buffer;
  let read: PdfText;

  beforeAll(async () => {
    pdf = await renderAnnexPdf(content, locale);
    read = await extractPdfText(pdf);
  });

  it('is a PDF on A4 pages', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const [width, height] of read.sizes) {
      expect(width).toBeCloseTo(A4[0], 1);
      expect(height).toBeCloseTo(A4[1], 1);
    }
  });

  it('opens with the organisation, the call title, its reference and the publication date', () => {
    expect(read.pages[0]).toContain(expected.organisation);
    expect(read.pages[0]).toContain(content.call.title);
    expect(read.pages[0]).toContain(content.call.reference);
    expect(read.pages[0]).toContain(expected.published);
  });

  it('summarises the evaluation process with its figures and normalization', () => {
    expect(read.text).toContain(expected.figures);
    expect(read.text).toContain(expected.panel);
    expect(read.text).toContain(expected.zscore);
  });

  it('lists each criterion with its weight and its share of the total', () => {
    expect(read.text).toContain(expected.criteriaHeader);
    SEED_CRITERIA.forEach((criterion, index) => {
      expect(read.text).toContain(`${criterion.code} ${criterion.title} ${criterion.weight} ${expected.shares[index]}`);
    });
  });

  it('names every selected centre with its city and country, under its region heading', () => {
    for (const heading of expected.regions) expect(read.text).toContain(heading);
    for (const member of content.members) {
      expect(read.text).toContain(collapse(`${member.name} ${member.city ?? '—'} ${member.countryName}`));
    }
  });

  it('numbers the pages in the footer', () => {
    read.pages.forEach((page, index) => expect(page).toContain(expected.page(index + 1, read.pages.length)));
  });

  it('ends with the content hash and how to verify it', () => {
    const last = read.pages[read.pages.length - 1];
    expect(last).toContain(`${expected.hashLabel} ${content.contentHash}`);
    expect(last).toContain(`GET /api/v1/public/cohorts/${content.cohortId}`);
    expect(last).toContain('SHA-256');
  });
});

describe('renderAnnexPdf ordering and wording', () => {
  it('sorts the centres of a region by country name in the reader’s language', async () => {
    const arabStates = (text: string, from: string, to: string): string =>
      text.slice(text.indexOf(from), text.indexOf(to));
    const en = arabStates((await textOf(seedAnnex('en'), 'en')).text, 'Arab States', 'Asia and the Pacific');
    const fr = arabStates((await textOf(seedAnnex('fr'), 'fr')).text, 'États arabes', 'Asie-Pacifique');
    // Egypt, Oman, Tunisia in both; "Égypte" must not fall after "Tunisie" as a byte-wise sort would put it.
    expect(en.indexOf('Egypt')).toBeLessThan(en.indexOf('Oman'));
    expect(fr.indexOf('Égypte')).toBeLessThan(fr.indexOf('Oman'));
    expect(fr.indexOf('Oman')).toBeLessThan(fr.indexOf('Tunisie'));
  });

  it('says when scores were not normalized, and leaves out regions without a centre', async () => {
    const base = seedAnnex('en');
    const africaOnly = SEED_CENTRES.filter((centre) => centre.region === 'AFR').length;
    const content: AnnexContent = {
      ...base,
      process: { ...base.process, normalization: 'none', selected: africaOnly },
      members: base.members.filter((member) => member.region === 'AFR'),
    };
    const { text } = await textOf(content, 'en');
    expect(text).toContain('No normalization was applied');
    expect(text).not.toContain('z-score');
    expect(text).toContain('Africa (4 centres)');
    expect(text).not.toContain('Europe (');
  });

  it('gives the same bytes for the same content and language', async () => {
    const content = seedAnnex('fr');
    const [first, second] = await Promise.all([renderAnnexPdf(content, 'fr'), renderAnnexPdf(content, 'fr')]);
    expect(first.equals(second)).toBe(true);
    const later = await renderAnnexPdf({ ...content, publishedAt: '2024-11-19T08:00:00.000Z' }, 'fr');
    expect(later.equals(first)).toBe(false);
  });

  it('rejects a language it has no translation for', async () => {
    await expect(renderAnnexPdf(seedAnnex('en'), 'de' as AnnexLocale)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});

async function textOf(content: AnnexContent, locale: AnnexLocale): Promise<PdfText> {
  return extractPdfText(await renderAnnexPdf(content, locale));
}

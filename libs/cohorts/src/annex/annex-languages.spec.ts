import { defaultCircularSettings } from '@app/calls';
import { INTL_LOCALES, directionOf } from '@app/platform/languages';
import { resultsCircular } from '../circular/circular-model';
import { renderCircularHtml } from '../circular/circular-html';
import { renderCircularPdf } from '../circular/circular-pdf';
import { AnnexLocale } from './annex-i18n';
import { renderAnnexPdf } from './annex-pdf';
import { AnnexContent, AnnexMember } from './annex.types';
import { seedAnnex } from './testing/annex-fixtures';
import { compact, extractPdfText, PdfText } from './testing/pdf-text';

/**
 * The annex and the results circular in each of the six languages: the text a reader gets out of
 * the PDF (pdfjs) has the language's own words in its script, in reading order (Arabic too), and the
 * centres' names in theirs, whatever the language of the document.
 */

// Written out rather than read from the catalogues, so that a wrong translation or a wrong order fails here.
const ORGANISATION: Record<AnnexLocale, string> = {
  ar: 'الاتحاد الدولي للاتصالات',
  zh: '国际电信联盟',
  en: 'International Telecommunication Union',
  fr: 'Union internationale des télécommunications',
  ru: 'Международный союз электросвязи',
  es: 'Unión Internacional de Telecomunicaciones',
};

/** What the circular's letter says in each language, beside the organisation. */
const CIRCULAR: Record<AnnexLocale, string[]> = {
  ar: ['حضرات السادة والسيدات،', 'نتائج الدعوة الموجهة إلى مراكز التسريع', 'جنيف'],
  zh: ['尊敬的先生/女士：', '加速中心征集结果', '日内瓦'],
  en: ['Dear Sir/Madam,', 'Results of the call for accelerator centres', 'Geneva'],
  fr: ['Madame, Monsieur,', 'Résultats de l’appel aux centres d’accélération', 'Genève'],
  ru: ['Уважаемая госпожа, уважаемый господин!', 'Результаты конкурса для центров акселерации', 'Женева'],
  es: ['Muy Señora mía/Muy Señor mío:', 'Resultados de la convocatoria de centros de aceleración', 'Ginebra'],
};

/** Centres whose names are in four scripts, which every language's document prints as written. */
const CENTRES: readonly Omit<AnnexMember, 'countryName'>[] = [
  { name: 'حاضنة الرياض للتقنية', city: 'الرياض', countryCode: 'SA', region: 'ARB' },
  { name: '深圳数字创新中心', city: '深圳', countryCode: 'CN', region: 'ASP' },
  { name: 'Технопарк «Сколково»', city: 'Москва', countryCode: 'RU', region: 'CIS' },
  { name: 'Kigali Innovation City Accelerator', city: null, countryCode: 'RW', region: 'AFR' },
];

function contentIn(locale: AnnexLocale): AnnexContent {
  const seed = seedAnnex(locale);
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const members = CENTRES.map((centre) => ({ ...centre, countryName: names.of(centre.countryCode) as string }));
  return { ...seed, members, process: { ...seed.process, selected: members.length } };
}

const call = { title: 'Call for accelerator centres', description: 'The Alliance supports centres.' };

async function read(pdf: Buffer, locale: AnnexLocale): Promise<PdfText> {
  return extractPdfText(pdf, directionOf(locale));
}

describe.each<AnnexLocale>(['ar', 'zh', 'en', 'fr', 'ru', 'es'])('the documents in %s', (locale) => {
  let annex: PdfText;
  let circular: PdfText;

  beforeAll(async () => {
    const content = contentIn(locale);
    const settings = defaultCircularSettings({ reference: 'BDT/DIR/DM/013' });
    [annex, circular] = await Promise.all([
      renderAnnexPdf(content, locale).then((pdf) => read(pdf, locale)),
      renderCircularPdf(resultsCircular(settings, content, call, locale)).then((pdf) => read(pdf, locale)),
    ]);
  }, 120_000);

  it('names the organisation in the language, in reading order', () => {
    expect(annex.text).toContain(ORGANISATION[locale]);
    expect(circular.text).toContain(ORGANISATION[locale]);
  });

  it('writes the circular’s letter in the language', () => {
    for (const expected of CIRCULAR[locale]) expect(circular.text).toContain(expected);
  });

  it('prints every centre’s name in its own script, and its country in the language', () => {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    for (const document of [annex, circular]) {
      for (const centre of CENTRES) expect(compact(document.text)).toContain(compact(centre.name));
      expect(document.text).toContain(names.of('SA'));
    }
  });

  it('dates the documents as the language writes dates', () => {
    const date = new Intl.DateTimeFormat(INTL_LOCALES[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(contentIn(locale).publishedAt),
    );
    expect(compact(annex.text)).toContain(compact(date));
  });
});

describe('an Arabic document', () => {
  it('is a right-to-left page as HTML', () => {
    const settings = defaultCircularSettings({ reference: 'BDT/DIR/DM/013' });
    const html = renderCircularHtml(resultsCircular(settings, contentIn('ar'), call, 'ar'));
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(renderCircularHtml(resultsCircular(settings, contentIn('zh'), call, 'zh'))).toContain('<html lang="zh-CN">');
  });

  it('starts its lines on the right, where an English one starts them on the left', async () => {
    const referenceLine = async (locale: AnnexLocale) => {
      const { runs, sizes } = await extractPdfText(
        await renderAnnexPdf(contentIn(locale), locale),
        directionOf(locale),
      );
      const reference = runs.find((r) => r.page === 1 && r.str.includes('BDT/IEA/2024/01')) as { y: number };
      const line = runs.filter((r) => r.page === 1 && Math.abs(r.y - reference.y) < 1);
      return {
        left: Math.min(...line.map((r) => r.x)),
        right: Math.max(...line.map((r) => r.x + r.width)),
        page: sizes[0][0],
      };
    };
    const [arabic, english] = await Promise.all([referenceLine('ar'), referenceLine('en')]);
    // The margins are 56 points; the line of the reference is short.
    expect(Math.abs(arabic.page - 56 - arabic.right)).toBeLessThan(2);
    expect(arabic.left).toBeGreaterThan(arabic.page / 2);
    expect(Math.abs(english.left - 56)).toBeLessThan(2);
  }, 120_000);
});

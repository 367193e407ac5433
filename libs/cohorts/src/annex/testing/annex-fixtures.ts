import { AnnexLocale, annexCatalogue } from '../annex-i18n';
import { AnnexContent, AnnexMember, AnnexRegion } from '../annex.types';

interface CentreSeed {
  name: string;
  city: string | null;
  countryCode: string;
  /** As the countries table names it in English and French; CLDR's in the other languages. */
  country: Record<'en' | 'fr', string>;
  region: AnnexRegion;
}

/**
 * Seventeen centres shaped like the first cohort of the Innovation and Entrepreneurship Alliance
 * (names made up), chosen for what a renderer gets wrong: accents, Cyrillic and Greek scripts, a
 * centre without a city, a name long enough to wrap, and country names whose order differs
 * between English and French (Egypt/Égypte).
 */
export const SEED_CENTRES: readonly CentreSeed[] = [
  seed('Université Cheikh Anta Diop — Incubateur numérique', 'Dakar', 'SN', 'Senegal', 'Sénégal', 'AFR'),
  seed('Abidjan Digital Innovation Hub', 'Abidjan', 'CI', 'Côte d’Ivoire', 'Côte d’Ivoire', 'AFR'),
  seed('Nairobi Technology Enterprise Centre', 'Nairobi', 'KE', 'Kenya', 'Kenya', 'AFR'),
  seed('Kigali Innovation City Accelerator', null, 'RW', 'Rwanda', 'Rwanda', 'AFR'),
  seed('Centro de Innovación y Emprendimiento Tecnológico', 'Bogotá', 'CO', 'Colombia', 'Colombie', 'AMS'),
  seed(
    'Incubadora de Empresas de Base Tecnológica — Universidade de São Paulo',
    'São Paulo',
    'BR',
    'Brazil',
    'Brésil',
    'AMS',
  ),
  seed('Caribbean Digital Ventures Lab', 'Kingston', 'JM', 'Jamaica', 'Jamaïque', 'AMS'),
  seed('Technology Innovation and Entrepreneurship Center', 'Cairo', 'EG', 'Egypt', 'Égypte', 'ARB'),
  seed('Tunis Digital Accelerator', 'Tunis', 'TN', 'Tunisia', 'Tunisie', 'ARB'),
  seed('Muscat Technology Ventures', 'Muscat', 'OM', 'Oman', 'Oman', 'ARB'),
  seed(
    'Centre for Innovation, Incubation and Entrepreneurship of the Indian Institute of Management Ahmedabad',
    'Ahmedabad',
    'IN',
    'India',
    'Inde',
    'ASP',
  ),
  seed('National Innovation Centre', 'Hanoi', 'VN', 'Viet Nam', 'Viet Nam', 'ASP'),
  seed('Pacific Islands Startup Hub', 'Suva', 'FJ', 'Fiji', 'Fidji', 'ASP'),
  seed('Технопарк «Сколково»', 'Москва', 'RU', 'Russian Federation', 'Fédération de Russie', 'CIS'),
  seed('Astana Hub International Technopark of IT Startups', 'Astana', 'KZ', 'Kazakhstan', 'Kazakhstan', 'CIS'),
  seed('Κέντρο Καινοτομίας και Επιχειρηματικότητας Αθηνών', 'Αθήνα', 'GR', 'Greece', 'Grèce', 'EUR'),
  seed('Poznański Park Naukowo-Technologiczny', 'Poznań', 'PL', 'Poland', 'Pologne', 'EUR'),
];

function seed(
  name: string,
  city: string | null,
  countryCode: string,
  en: string,
  fr: string,
  region: AnnexRegion,
): CentreSeed {
  return { name, city, countryCode, country: { en, fr }, region };
}

export const SEED_CRITERIA = [
  { code: 'C1', title: 'Track record in supporting digital start-ups and small enterprises', weight: 4 },
  { code: 'C2', title: 'Quality of the acceleration programme and of the mentoring offered', weight: 3 },
  { code: 'C3', title: 'Partnerships and reach within the national innovation ecosystem', weight: 3 },
  { code: 'C4', title: 'Support for women and young entrepreneurs', weight: 2 },
  { code: 'C5', title: 'Sustainability of the centre and of its resources', weight: 2 },
];

export function members(seeds: readonly CentreSeed[], locale: AnnexLocale): AnnexMember[] {
  return seeds.map((centre) => ({
    name: centre.name,
    city: centre.city,
    countryCode: centre.countryCode,
    countryName: countryName(centre, locale),
    region: centre.region,
  }));
}

function countryName(centre: CentreSeed, locale: AnnexLocale): string {
  if (locale === 'en' || locale === 'fr') return centre.country[locale];
  const names = new Intl.DisplayNames([annexCatalogue(locale).intlLocale], { type: 'region', fallback: 'none' });
  return names.of(centre.countryCode) ?? centre.country.en;
}

export function seedAnnex(locale: AnnexLocale, overrides: Partial<AnnexContent> = {}): AnnexContent {
  return {
    cohortId: '0b6f2c1e-7a39-4c55-9d0e-2f6a8e3b1c44',
    call: {
      reference: 'BDT/IEA/2024/01',
      title:
        'Call for accelerator centres to join the Innovation and Entrepreneurship Alliance for Digital Development',
    },
    publishedAt: '2024-11-18T14:05:00.000Z',
    contentHash: '3f1c9a0be2d84f6a7c5b1e9d0a2f4c6e8b7d5a3c1e9f0b2d4a6c8e0f1a3b5c7d',
    process: {
      applicationsReceived: 44,
      countries: 35,
      selected: SEED_CENTRES.length,
      evaluators: 12,
      evaluatorsPerApplication: 3,
      normalization: 'zscore',
      scale: { min: 0, max: 5 },
      criteria: SEED_CRITERIA,
      consensusScores: 0,
    },
    members: members(SEED_CENTRES, locale),
    ...overrides,
  };
}

const PREFIXES = [
  'Digital Innovation Hub',
  'Centre d’incubation numérique',
  'Технологический акселератор',
  'Start-up Lab',
];
const PLACES: ReadonlyArray<[string, string, string, AnnexRegion]> = [
  ['Dakar', 'SN', 'Sénégal', 'AFR'],
  ['Lima', 'PE', 'Pérou', 'AMS'],
  ['Amman', 'JO', 'Jordanie', 'ARB'],
  ['Manila', 'PH', 'Philippines', 'ASP'],
  ['Almaty', 'KZ', 'Kazakhstan', 'CIS'],
  ['Genève', 'CH', 'Suisse', 'EUR'],
];

/**
 * A programme far larger than the first call. Names carry a zero-padded number so that none is a
 * substring of another; every seventh is long enough to wrap onto several lines of its cell.
 */
export function largeAnnex(count: number): AnnexContent {
  const generated: AnnexMember[] = Array.from({ length: count }, (_, index) => {
    const [city, countryCode, countryName, region] = PLACES[index % PLACES.length];
    const base = `${PREFIXES[index % PREFIXES.length]} ${city} ${String(index + 1).padStart(4, '0')}`;
    const name =
      index % 7 === 0 ? `${base} for the digital transformation of small and medium-sized enterprises` : base;
    return { name, city, countryCode, countryName, region };
  });
  const content = seedAnnex('fr');
  return { ...content, process: { ...content.process, selected: count }, members: generated };
}

/**
 * The demo's cast of candidate centres and its call, modelled on the ITU BDT call for accelerator
 * centres of the Innovation and Entrepreneurship Alliance for Digital Development: 44 applications
 * from 35 ITU Member States in the six ITU-D regions (regions as in migrations/data/itu-countries.json).
 * Brazil, India and Nigeria send three centres each, so the cap of two per country can bite.
 * The organisations are fictional; the universities that host some of them are real.
 */
export interface DemoCentre {
  name: string;
  city: string;
  countryCode: string;
  type: string;
  locale: 'en' | 'fr';
}

const centre = (name: string, city: string, countryCode: string, type: string, locale: 'en' | 'fr' = 'en') => ({
  name,
  city,
  countryCode,
  type,
  locale,
});

export const DEMO_CENTRES: DemoCentre[] = [
  // AFR: 11 centres, 8 countries
  centre('Kigali Innovation City Accelerator', 'Kigali', 'RW', 'accelerator'),
  centre('Ministère des TIC — Unité de transformation numérique', 'Kigali', 'RW', 'government', 'fr'),
  centre('Ngong Road Digital Accelerator', 'Nairobi', 'KE', 'accelerator'),
  centre('Yaba Tech Accelerator', 'Lagos', 'NG', 'accelerator'),
  centre('Abuja Digital Enterprise Hub', 'Abuja', 'NG', 'innovation_hub'),
  centre('Obafemi Awolowo University — Technology Incubation Centre', 'Ile-Ife', 'NG', 'academia'),
  centre('Université Cheikh Anta Diop — Incubateur numérique', 'Dakar', 'SN', 'academia', 'fr'),
  centre('Accra Digital Ventures Hub', 'Accra', 'GH', 'incubator'),
  centre("Village de l'innovation d'Abidjan", 'Abidjan', 'CI', 'innovation_hub', 'fr'),
  centre('Cape Town Fintech Accelerator', 'Cape Town', 'ZA', 'accelerator'),
  centre("Centre d'incubation numérique de Yaoundé", 'Yaoundé', 'CM', 'incubator', 'fr'),
  // AMS: 8 centres, 6 countries
  centre('Recife Porto Digital Aceleradora', 'Recife', 'BR', 'accelerator'),
  centre('Campinas Deep Tech Incubator', 'Campinas', 'BR', 'incubator'),
  centre('Florianópolis Tech Incubator', 'Florianópolis', 'BR', 'incubator'),
  centre('Guadalajara Tech Hub', 'Guadalajara', 'MX', 'innovation_hub'),
  centre('Medellín Innovation District Accelerator', 'Medellín', 'CO', 'accelerator'),
  centre('Córdoba Software Incubator', 'Córdoba', 'AR', 'incubator'),
  centre('Kingston Caribbean Digital Accelerator', 'Kingston', 'JM', 'accelerator'),
  centre('Universidad de Lima — Emprende Lab', 'Lima', 'PE', 'academia'),
  // ARB: 7 centres, 6 countries
  centre('Cairo ICT Incubator', 'Cairo', 'EG', 'incubator'),
  centre('Alexandria Smart Village Accelerator', 'Alexandria', 'EG', 'accelerator'),
  centre('Technopark Casablanca — Incubateur', 'Casablanca', 'MA', 'incubator', 'fr'),
  centre("Sfax Centre d'innovation numérique", 'Sfax', 'TN', 'innovation_hub', 'fr'),
  centre('Amman Digital Economy Accelerator', 'Amman', 'JO', 'accelerator'),
  centre('Dubai Future Tech Studio', 'Dubai', 'AE', 'private_sector'),
  centre('Beirut Creative Tech Incubator', 'Beirut', 'LB', 'incubator'),
  // ASP: 7 centres, 5 countries
  centre('Bengaluru Deep Tech Centre', 'Bengaluru', 'IN', 'academia'),
  centre('Hyderabad Startup Foundry', 'Hyderabad', 'IN', 'accelerator'),
  centre('Pune Rural Innovation Foundation', 'Pune', 'IN', 'ngo'),
  centre('Jakarta Digital Valley Accelerator', 'Jakarta', 'ID', 'accelerator'),
  centre('Hanoi Innovation and Start-up Centre', 'Hanoi', 'VN', 'innovation_hub'),
  centre('Quezon City Startup Hub', 'Quezon City', 'PH', 'innovation_hub'),
  centre('Dhaka Digital Enterprise Accelerator', 'Dhaka', 'BD', 'accelerator'),
  // CIS: 5 centres, 4 countries
  centre('Astana IT Park Accelerator', 'Astana', 'KZ', 'accelerator'),
  centre('Almaty Technology Business Incubator', 'Almaty', 'KZ', 'incubator'),
  centre('Tashkent Digital Start-up Incubator', 'Tashkent', 'UZ', 'incubator'),
  centre('Yerevan Engineering City Accelerator', 'Yerevan', 'AM', 'accelerator'),
  centre('Bishkek Startup Foundation', 'Bishkek', 'KG', 'ngo'),
  // EUR: 6 centres, 6 countries
  centre('Tallinn Digital Acceleration Lab', 'Tallinn', 'EE', 'accelerator'),
  centre('Porto Digital Innovation Hub', 'Porto', 'PT', 'innovation_hub'),
  centre('Kraków Technology Park Accelerator', 'Kraków', 'PL', 'accelerator'),
  centre('Kyiv Digital Resilience Accelerator', 'Kyiv', 'UA', 'accelerator'),
  centre('Liège Creative Tech — Incubateur', 'Liège', 'BE', 'incubator', 'fr'),
  centre('Novi Sad Startup Centre', 'Novi Sad', 'RS', 'innovation_hub'),
];

/** Arrives after the deadline. */
export const LATE_CENTRE: DemoCentre = centre(
  'Montevideo Late Bloomers Accelerator',
  'Montevideo',
  'UY',
  'accelerator',
);

/** The organisation types the call admits; DEMO_CENTRES has one government unit it turns away. */
const ELIGIBLE_TYPES = ['academia', 'incubator', 'accelerator', 'innovation_hub', 'private_sector', 'ngo'];

export const FOCUS_AREAS = ['AI', 'fintech', 'agritech', 'health', 'e-government', 'climate', 'other'];

/**
 * Stage 2: the shortlisted centres meet a panel of its own. A 1–5 scale, as interview panels mark;
 * calibrated, as the finalists meet different panels of four.
 */
export const PANEL_INTERVIEW = {
  name: 'Panel interview',
  scoring: { scaleMin: 1, scaleMax: 5, normalization: 'calibrated', disagreementThreshold: 35 },
  evaluatorsPerApplication: 4,
  criteria: [
    { code: 'PLAN', title: 'Plan to co-design and run the Alliance acceleration programme', weight: 35 },
    { code: 'TEAM', title: 'Commitment and capacity of the team met at interview', weight: 25 },
    { code: 'NETWORK', title: 'Contribution to the network: sharing methods and peer learning', weight: 25 },
    { code: 'ANSWERS', title: "Quality of the answers to the panel's questions", weight: 15 },
  ],
};

export const DEMO_CALL = {
  title: 'Call for accelerator centres of the Innovation and Entrepreneurship Alliance for Digital Development',
  description:
    'ITU BDT invites centres that support digital start-ups and innovation ecosystems to join the network of ' +
    'accelerator centres of the Alliance. Selected centres co-design and run acceleration programmes with ITU ' +
    'and its partners, share their methods across regions and support the digital transformation agenda.',
  cohortSize: 17,
  evaluatorsPerApplication: 3,
  eligibility: { organisationTypes: ELIGIBLE_TYPES, requiredDocuments: ['statutes'] },
  // The minimums reserve 13 of the 17 seats, so that every region is represented whatever the ranking.
  selection: { maxPerCountry: 2, minPerRegion: { AFR: 3, AMS: 2, ARB: 2, ASP: 2, CIS: 2, EUR: 2 }, waitlistSize: 5 },
  // Calibrated: evaluator habits fitted with the centres' quality (the summary compares it with z-scores).
  scoring: { scaleMin: 0, scaleMax: 10, normalization: 'calibrated', disagreementThreshold: 25 },
  assignment: { excludeSameCountry: true },
  // Stage 1's scale, evaluators and criteria are the call's own fields below; each stage's due date is
  // set when the call opens (STAGE_DUE_DAYS).
  stages: [{ name: 'Written assessment' }, PANEL_INTERVIEW],
  // The interview is the closer look at the finalists, but a strong written record still counts.
  finalRanking: { rule: 'weighted', weights: { '1': 40, '2': 60 } },
  criteria: [
    { code: 'TRACK', title: 'Track record in supporting digital innovation and entrepreneurship', weight: 20 },
    { code: 'CAPACITY', title: 'Institutional capacity: team, facilities and resources', weight: 15 },
    { code: 'PROGRAMME', title: 'Quality and relevance of the acceleration programme', weight: 20 },
    { code: 'ECOSYSTEM', title: 'Partnerships and engagement with the innovation ecosystem', weight: 15 },
    { code: 'INCLUSION', title: 'Inclusion of women, youth and underserved communities', weight: 10 },
    { code: 'SUSTAIN', title: 'Financial and institutional sustainability', weight: 10 },
    { code: 'ALIGN', title: 'Alignment with the Alliance and the WSIS and SDG agenda', weight: 10 },
  ],
  questions: [
    { key: 'programme', label: 'Describe your acceleration programme', type: 'longtext', required: true },
    { key: 'startups_per_year', label: 'Start-ups supported per year', type: 'number', required: true },
    { key: 'focus', label: 'Main focus', type: 'choice', required: true, options: FOCUS_AREAS },
    { key: 'website', label: 'Programme web page', type: 'url', required: false },
  ],
};

/** Each stage's evaluations are due this many days after the call's deadline. */
export const STAGE_DUE_DAYS = [21, 49];

/** How many centres the written assessment sends to interview: the cohort and its waitlist, and two more. */
export const SHORTLIST_SIZE = 24;

/** The centre's applicant account: one per centre, its address derived from the name. */
export function centreEmail(centre: DemoCentre): string {
  const slug = centre.name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
  return `${slug.slice(0, 60)}@centres.example`;
}

/** A small but real PDF, as a statutes document. */
export function statutesPdf(organisation: string): Buffer {
  const text = `Statutes of ${organisation}`.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The demo's cast: candidate centres from every ITU region, one observer and one excluded type. */
export interface DemoCentre {
  name: string;
  city: string;
  countryCode: string;
  type: string;
  locale: 'en' | 'fr';
}

export const DEMO_CENTRES: DemoCentre[] = [
  { name: 'Nairobi Digital Innovation Hub', city: 'Nairobi', countryCode: 'KE', type: 'innovation_hub', locale: 'en' },
  { name: 'Dakar Tech Accelerator', city: 'Dakar', countryCode: 'SN', type: 'accelerator', locale: 'fr' },
  { name: 'São Paulo Startup Campus', city: 'São Paulo', countryCode: 'BR', type: 'incubator', locale: 'en' },
  { name: 'Cairo ICT Incubator', city: 'Cairo', countryCode: 'EG', type: 'incubator', locale: 'en' },
  { name: 'Bengaluru Deep Tech Centre', city: 'Bengaluru', countryCode: 'IN', type: 'academia', locale: 'en' },
  { name: 'Astana Hub', city: 'Astana', countryCode: 'KZ', type: 'innovation_hub', locale: 'en' },
  { name: 'Tallinn Digital Acceleration Lab', city: 'Tallinn', countryCode: 'EE', type: 'accelerator', locale: 'en' },
  { name: 'Ministry of Digital Economy Unit', city: 'Kigali', countryCode: 'RW', type: 'government', locale: 'fr' },
  { name: 'Ramallah Tech Incubator', city: 'Ramallah', countryCode: 'PS', type: 'incubator', locale: 'en' },
];

/** Arrives after the deadline. */
export const LATE_CENTRE: DemoCentre = {
  name: 'Late Bloomers Accelerator',
  city: 'Montevideo',
  countryCode: 'UY',
  type: 'accelerator',
  locale: 'en',
};

export const DEMO_CALL = {
  title: 'Call for accelerator centres of the Innovation and Entrepreneurship Alliance for Digital Development',
  description:
    'Centres that support digital start-ups and innovation ecosystems are invited to join the network of ' +
    'accelerator centres of the Alliance.',
  cohortSize: 17,
  evaluatorsPerApplication: 3,
  eligibility: {
    organisationTypes: ['academia', 'incubator', 'accelerator', 'innovation_hub', 'private_sector', 'ngo'],
    requiredDocuments: ['statutes'],
  },
  selection: { maxPerCountry: 2, minPerRegion: { AFR: 2, AMS: 2, ARB: 2, ASP: 2, CIS: 1, EUR: 2 } },
  scoring: { scaleMin: 0, scaleMax: 10, normalization: 'zscore', disagreementThreshold: 30 },
  assignment: { excludeSameCountry: true },
  criteria: [
    { code: 'TRACK', title: 'Track record in supporting digital start-ups', weight: 0.2 },
    { code: 'ECOSYSTEM', title: 'Ecosystem links and partnerships', weight: 0.15 },
    { code: 'PROGRAMME', title: 'Quality of the acceleration programme', weight: 0.2 },
    { code: 'INCLUSION', title: 'Inclusion of women and youth', weight: 0.15 },
    { code: 'SUSTAIN', title: 'Financial and institutional sustainability', weight: 0.15 },
    { code: 'ALIGN', title: 'Alignment with the Alliance priorities', weight: 0.15 },
  ],
  questions: [
    { key: 'programme', label: 'Describe your acceleration programme', type: 'longtext', required: true },
    { key: 'startups_per_year', label: 'Start-ups supported per year', type: 'number', required: true },
    {
      key: 'focus',
      label: 'Main focus',
      type: 'choice',
      required: true,
      options: ['AI', 'fintech', 'agritech', 'health', 'other'],
    },
    { key: 'website', label: 'Programme web page', type: 'url', required: false },
  ],
};

/** A deterministic pseudo-random sequence (mulberry32), so every run of a seed is the same. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A small but real PDF, as a statutes document. */
export function statutesPdf(organisation: string): Buffer {
  const text = `Statutes of ${organisation}`.replace(/[()\\]/g, '');
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

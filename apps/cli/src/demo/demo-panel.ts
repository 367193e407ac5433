/**
 * The evaluation panel: twelve experts from every region. Two of them mark very differently from
 * the rest (one generous, one severe), which is what calibration is there to correct.
 */
export interface DemoEvaluator {
  name: string;
  email: string;
  countryCode: string;
  affiliation: string;
  locale: 'en' | 'fr';
  /** Points added to every criterion score, on the call's 0–10 scale: the evaluator's habit. */
  bias: number;
  /** How the summary describes the habit, when it is a marked one. */
  temper?: 'lenient' | 'harsh';
}

const evaluator = (
  name: string,
  email: string,
  countryCode: string,
  affiliation: string,
  bias: number,
  extra: Partial<Pick<DemoEvaluator, 'locale' | 'temper'>> = {},
): DemoEvaluator => ({ name, email, countryCode, affiliation, bias, locale: 'en', ...extra });

export const DEMO_PANEL: DemoEvaluator[] = [
  evaluator('Amina Wanjiru', 'a.wanjiru@panel.example', 'KE', 'University of Nairobi', 0.2),
  evaluator('Jean-Pierre Lefèvre', 'jp.lefevre@panel.example', 'FR', 'Université Paris-Saclay', -2.2, {
    locale: 'fr',
    temper: 'harsh',
  }),
  evaluator('Lucía Fernández', 'l.fernandez@panel.example', 'AR', 'Universidad de Buenos Aires', 0.1),
  evaluator('Kenji Watanabe', 'k.watanabe@panel.example', 'JP', 'Keio University', -0.3),
  evaluator('Fatima Al-Mansouri', 'f.almansouri@panel.example', 'AE', 'Khalifa University', 0.3),
  evaluator('Olena Kovalenko', 'o.kovalenko@panel.example', 'UA', 'Igor Sikorsky Kyiv Polytechnic Institute', -0.1),
  evaluator('Rahul Mehta', 'r.mehta@panel.example', 'IN', 'Indian Institute of Technology Madras', 0),
  // Works for an applicant: the platform never assigns her that application.
  evaluator('Sofia Lindqvist', 's.lindqvist@panel.example', 'SE', 'Tallinn Digital Acceleration Lab', 0.2),
  evaluator('Kwame Mensah', 'k.mensah@panel.example', 'GH', 'Kwame Nkrumah University of Science and Technology', -0.2),
  evaluator('Nurlan Abenov', 'n.abenov@panel.example', 'KZ', 'Nazarbayev University', 0.1),
  evaluator('Carlos Mendoza', 'c.mendoza@panel.example', 'MX', 'Tecnológico de Monterrey', 2.2, { temper: 'lenient' }),
  evaluator('Hélène Dubois', 'h.dubois@panel.example', 'CH', 'Université de Genève', -0.2, { locale: 'fr' }),
];

/** The one who works for an applicant, and that applicant: an automatic conflict. */
export const AFFILIATED = { evaluator: 'Sofia Lindqvist', centre: 'Tallinn Digital Acceleration Lab' };

/** Conflicts the evaluators declare themselves before assignment. */
export const DECLARED_CONFLICTS = [
  { evaluator: 'Kenji Watanabe', centre: 'Jakarta Digital Valley Accelerator', reason: 'I sit on its advisory board.' },
  {
    evaluator: 'Olena Kovalenko',
    centre: 'Kraków Technology Park Accelerator',
    reason: 'I mentored its 2024 cohort and was paid for it.',
  },
  {
    evaluator: 'Lucía Fernández',
    centre: 'Recife Porto Digital Aceleradora',
    reason: 'A start-up I co-founded went through its programme.',
  },
];

/** The call's chair, who moderates the flagged applications beside the secretariat. */
export const CHAIR = 'Hélène Dubois';

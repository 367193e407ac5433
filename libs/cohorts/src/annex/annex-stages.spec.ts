import { AnnexLocale } from './annex-i18n';
import { renderAnnexPdf } from './annex-pdf';
import { AnnexContent } from './annex.types';
import { seedAnnex } from './testing/annex-fixtures';
import { collapse, extractPdfText } from './testing/pdf-text';

const STAGES: NonNullable<AnnexContent['process']['stages']> = {
  names: ['Written assessment', 'Panel interview'],
  later: [
    {
      position: 2,
      name: 'Panel interview',
      criteria: [
        { code: 'PITCH', title: 'Pitch', weight: 2 },
        { code: 'PLAN', title: 'Plan', weight: 1 },
      ],
    },
  ],
  finalRanking: { rule: 'weighted', weights: { '1': 1, '2': 3 } },
};

async function processText(
  locale: AnnexLocale,
  stages?: AnnexContent['process']['stages'],
  consensusScores = 0,
): Promise<string> {
  const content = seedAnnex(locale);
  const pdf = await renderAnnexPdf(
    { ...content, process: { ...content.process, consensusScores, ...(stages ? { stages } : {}) } },
    locale,
  );
  return (await extractPdfText(pdf)).text;
}

// Written out rather than read from the catalogues, so that a wrong translation fails here.
const EXPECTED: Record<'en' | 'fr', string[]> = {
  en: [
    'The evaluation ran in 2 stages: Written assessment; Panel interview.',
    'Stage 2 (Panel interview) was scored against its own criteria and weights: Pitch (2); Plan (1).',
    'ranks the applications of the last stage by the weighted mean of their stage scores (stage 1, weight 1; stage 2, weight 3).',
  ],
  fr: [
    'L’évaluation s’est déroulée en 2 étapes : Written assessment; Panel interview.',
    'L’étape 2 (Panel interview) a été notée selon ses propres critères et pondérations : Pitch (2); Plan (1).',
    'selon la moyenne pondérée de leurs notes d’étape (étape 1, poids 1; étape 2, poids 3).',
  ],
};

describe('the evaluation-process annex of a call in several stages', () => {
  it.each(['en', 'fr'] as const)(
    'states the stages, the later stages’ criteria and the final rule (%s)',
    async (locale) => {
      const text = await processText(locale, STAGES);
      for (const sentence of EXPECTED[locale]) expect(text).toContain(collapse(sentence));
    },
  );

  it('states the last stage rule when the call says so', async () => {
    const text = await processText('en', { ...STAGES, finalRanking: { rule: 'last-stage' } });
    expect(text).toContain('The final ranking, from which the centres were selected, is that of the last stage.');
  });

  it('says nothing of stages for a call of one stage', async () => {
    expect(await processText('en')).not.toContain('stage');
  });

  it.each([
    [
      'en',
      'A moderator (the secretariat or the chair of the panel) recorded a consensus score for 2 applications; each was ranked by that score instead of the mean of its evaluators’ totals.',
      'In that mean, a consensus score recorded in a stage stands for the application’s score in that stage.',
    ],
    [
      'fr',
      'Un modérateur (le secrétariat ou le président du jury) a fixé une note de consensus pour 2 candidatures ; chacune a été classée selon cette note plutôt que selon la moyenne des totaux de ses évaluateurs.',
      'Dans cette moyenne, une note de consensus fixée à une étape tient lieu de note de la candidature à cette étape.',
    ],
  ] as const)(
    'states that consensus scores replaced the mean, in the weighted mean too (%s)',
    async (locale, rule, inMean) => {
      const weighted = await processText(locale, STAGES, 2);
      expect(weighted).toContain(collapse(rule));
      expect(weighted).toContain(collapse(inMean));
      const lastStage = await processText(locale, { ...STAGES, finalRanking: { rule: 'last-stage' } }, 2);
      expect(lastStage).toContain(collapse(rule));
      expect(lastStage).not.toContain(collapse(inMean));
    },
  );

  it('says nothing of consensus scores when none was recorded, and uses the singular for one', async () => {
    expect(await processText('en', STAGES)).not.toContain('consensus');
    expect(await processText('en', undefined, 1)).toContain(
      collapse('recorded a consensus score for 1 application; it was ranked by that score instead of the mean'),
    );
  });
});

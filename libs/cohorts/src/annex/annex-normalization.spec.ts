import { annexTranslator } from './annex-i18n';
import { processSummary } from './annex-sections';
import { seedAnnex } from './testing/annex-fixtures';

// Written out rather than read from the catalogues, so that a wrong translation fails here.
const CALIBRATED = {
  en: [
    'Scores were calibrated: every evaluator’s totals were modelled as the quality of the application plus a constant bias of the evaluator',
    'by regularized least squares (ridge λ = 1)',
    'the uncertainty of each rank was estimated by a seeded bootstrap of the fitted model',
  ],
  fr: [
    'Les notes ont été calibrées\u00a0: les totaux de chaque évaluateur ont été modélisés comme la qualité de la candidature augmentée d’un biais constant',
    'par moindres carrés régularisés (ridge, λ = 1)',
    'l’incertitude de chaque rang a été estimée par un bootstrap à graine fixe du modèle ajusté',
  ],
} as const;

describe('the annex’s sentence on normalisation', () => {
  it.each(['en', 'fr'] as const)('describes the calibration of a calibrated call (%s)', (locale) => {
    const content = seedAnnex(locale);
    const text = processSummary(
      { ...content, process: { ...content.process, normalization: 'calibrated' } },
      annexTranslator(locale),
    );
    for (const sentence of CALIBRATED[locale]) expect(text).toContain(sentence);
    expect(text).not.toContain(locale === 'en' ? 'z-score' : 'score z');
  });

  it('keeps the z-score and the raw sentences for the other settings', () => {
    const content = seedAnnex('en');
    const summary = (normalization: 'none' | 'zscore') =>
      processSummary({ ...content, process: { ...content.process, normalization } }, annexTranslator('en'));
    expect(summary('zscore')).toContain('Scores were normalized by z-score');
    expect(summary('none')).toContain('No normalization was applied');
  });
});

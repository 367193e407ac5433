import { declareDetails } from '@app/platform/errors';

/**
 * Scoring input that breaks an invariant the callers guarantee (an incomplete or duplicated
 * evaluation, an unknown application, an empty scale). It is deliberately not a DomainError: it is
 * a bug upstream, not a refusal a client could act on, so it must surface as a logged 500 rather
 * than as a 4xx/409 problem that quotes internal ids back to the caller.
 */
export class InvalidScoringInputError extends Error {
  readonly code = 'INVALID_SCORING_INPUT';

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The details of this context's problems in each language (problem+json `detail`, by Accept-Language). */
export const SCORING_DETAILS = declareDetails({
  'NOT_FOUND.Scoring run': {
    ar: 'لم يُعثر على عملية حساب الدرجات.',
    zh: '未找到该评分计算。',
    en: 'Scoring run not found.',
    fr: 'Calcul des notes introuvable.',
    ru: 'Расчёт баллов не найден.',
    es: 'No se ha encontrado el cálculo de puntuaciones.',
  },
});

import { DomainError, declareErrors, problemDetail } from '@app/platform/errors';
import { APPLICATIONS_DETAILS } from './applications.errors';

/** The codes clarification requests raise, with the status and title the HTTP edge answers them with. */
export const CLARIFICATION_ERRORS = declareErrors({
  CLARIFICATION_EXPIRED: {
    status: 409,
    title: {
      ar: 'انقضى الموعد النهائي للرد',
      zh: '答复期限已过',
      en: 'The reply deadline has passed',
      fr: 'Le délai de réponse est dépassé',
      ru: 'Срок для ответа истёк',
      es: 'El plazo de respuesta ha vencido',
    },
  },
});

export class ClarificationExpiredError extends DomainError {
  constructor(replyBy: Date) {
    super(
      CLARIFICATION_ERRORS.CLARIFICATION_EXPIRED,
      problemDetail(APPLICATIONS_DETAILS.CLARIFICATION_EXPIRED, { replyBy: replyBy.toISOString() }),
    );
  }
}

import {
  DomainError,
  FieldError,
  PLATFORM_DETAILS,
  PLATFORM_ERRORS,
  declareErrors,
  problemDetail,
} from '@app/platform/errors';
import { COHORTS_DETAILS } from './cohorts.details';

export { COHORTS_DETAILS };

/** The codes cohorts raises, with the status and title the HTTP edge answers them with. */
export const COHORTS_ERRORS = declareErrors({
  INVALID_OVERRIDE: {
    status: 422,
    title: {
      ar: 'يتعذر تطبيق التغييرات',
      zh: '无法应用这些更改',
      en: 'The changes cannot be applied',
      fr: 'Les modifications ne peuvent pas être appliquées',
      ru: 'Изменения не могут быть применены',
      es: 'No se pueden aplicar los cambios',
    },
  },
  SCORING_IN_PROGRESS: {
    status: 409,
    title: {
      ar: 'جارٍ حساب الدرجات',
      zh: '正在计分',
      en: 'Scoring is in progress',
      fr: 'Notation en cours',
      ru: 'Идёт подсчёт баллов',
      es: 'La puntuación está en curso',
    },
  },
  COHORT_OUTDATED: {
    status: 409,
    title: {
      ar: 'المقترح لم يعد محدّثاً',
      zh: '该提案已过时',
      en: 'The proposal is outdated',
      fr: 'La proposition n’est plus à jour',
      ru: 'Предложение устарело',
      es: 'La propuesta está desactualizada',
    },
  },
  INVALID_SHORTLIST_CHANGE: {
    status: 422,
    title: {
      ar: 'لا يمكن تغيير القائمة المختصرة على هذا النحو',
      zh: '入围名单不能如此更改',
      en: 'The shortlist cannot change so',
      fr: 'La liste restreinte ne peut pas être modifiée ainsi',
      ru: 'Краткий список не может быть изменён таким образом',
      es: 'La lista de preselección no puede modificarse de ese modo',
    },
  },
  STAGE_NOT_SCORED: {
    status: 409,
    title: {
      ar: 'لم تُحسب درجات المرحلة بعد',
      zh: '该阶段尚未计分',
      en: 'The stage is not scored yet',
      fr: 'L’étape n’est pas encore notée',
      ru: 'Баллы по этапу ещё не подсчитаны',
      es: 'La etapa aún no se ha puntuado',
    },
  },
  SHORTLIST_CONFIRMED: {
    status: 409,
    title: {
      ar: 'القائمة المختصرة مؤكدة',
      zh: '入围名单已确认',
      en: 'The shortlist is confirmed',
      fr: 'La liste restreinte est confirmée',
      ru: 'Краткий список подтверждён',
      es: 'La lista de preselección está confirmada',
    },
  },
  OFFER_EXPIRED: {
    status: 409,
    title: {
      ar: 'انتهت صلاحية العرض',
      zh: '该邀约已过期',
      en: 'The offer has expired',
      fr: 'L’offre a expiré',
      ru: 'Срок действия предложения истёк',
      es: 'La oferta ha caducado',
    },
  },
  NO_FREE_SEAT: {
    status: 409,
    title: {
      ar: 'لا يوجد مقعد شاغر',
      zh: '没有空余名额',
      en: 'No seat is free',
      fr: 'Aucune place n’est libre',
      ru: 'Свободных мест нет',
      es: 'No hay ninguna plaza libre',
    },
  },
  INVALID_PROMOTION: {
    status: 422,
    title: {
      ar: 'لا يمكن ترقية هذا المركز',
      zh: '该中心无法递补',
      en: 'This centre cannot be promoted',
      fr: 'Ce centre ne peut pas être promu',
      ru: 'Этот центр не может быть переведён в основной список',
      es: 'Este centro no puede ser promovido',
    },
  },
  NOT_ON_CURRENT_LIST: {
    status: 409,
    title: {
      ar: 'المركز غير مدرج في القائمة الحالية',
      zh: '该中心不在当前名单上',
      en: 'The centre is not on the current list',
      fr: 'Le centre ne figure pas sur la liste actuelle',
      ru: 'Центра нет в текущем списке',
      es: 'El centro no figura en la lista actual',
    },
  },
  AGREEMENT_TERMS_MISSING: {
    status: 409,
    title: {
      ar: 'لم تُصَغ شروط الاتفاق بعد',
      zh: '协议条款尚未拟定',
      en: 'The agreement terms are not written yet',
      fr: 'Les conditions de l’accord ne sont pas encore rédigées',
      ru: 'Условия соглашения ещё не составлены',
      es: 'Las condiciones del acuerdo aún no se han redactado',
    },
  },
  LOTTERY_DISABLED: {
    status: 409,
    title: {
      ar: 'القرعة غير مفعّلة لهذه الدعوة',
      zh: '本征集未启用抽签',
      en: 'The lottery is not enabled for this call',
      fr: 'Le tirage au sort n’est pas activé pour cet appel',
      ru: 'Жеребьёвка для этого конкурса не включена',
      es: 'El sorteo no está habilitado para esta convocatoria',
    },
  },
  LOTTERY_NO_GREY_ZONE: {
    status: 409,
    title: {
      ar: 'لا يتضمن المقترح منطقة رمادية',
      zh: '该提案没有灰色区域',
      en: 'The proposal has no grey zone',
      fr: 'La proposition n’a pas de zone grise',
      ru: 'В предложении нет серой зоны',
      es: 'La propuesta no tiene zona gris',
    },
  },
  LOTTERY_NOT_COMMITTED: {
    status: 409,
    title: {
      ar: 'لم يُقدَّم أي التزام',
      zh: '尚未作出承诺',
      en: 'No commitment has been made',
      fr: 'Aucun engagement n’a été pris',
      ru: 'Обязательство не было зафиксировано',
      es: 'No se ha registrado ningún compromiso',
    },
  },
  LOTTERY_ALREADY_DRAWN: {
    status: 409,
    title: {
      ar: 'أُجريت القرعة بالفعل',
      zh: '已经进行过抽签',
      en: 'The lot has already been drawn',
      fr: 'Le tirage a déjà eu lieu',
      ru: 'Жеребьёвка уже проведена',
      es: 'El sorteo ya se ha realizado',
    },
  },
  LOTTERY_CANDIDATES_CHANGED: {
    status: 409,
    title: {
      ar: 'تغيّرت المنطقة الرمادية منذ تقديم الالتزام',
      zh: '灰色区域自承诺以来已发生变化',
      en: 'The grey zone changed since the commitment',
      fr: 'La zone grise a changé depuis l’engagement',
      ru: 'Серая зона изменилась после фиксации обязательства',
      es: 'La zona gris ha cambiado desde el compromiso',
    },
  },
  LOTTERY_AFTER_AMENDMENT: {
    status: 409,
    title: {
      ar: 'عُدّل المقترح',
      zh: '该提案已被修改',
      en: 'The proposal has been amended',
      fr: 'La proposition a été modifiée',
      ru: 'Предложение было изменено',
      es: 'La propuesta ha sido modificada',
    },
  },
  NO_SESSIONS: {
    status: 409,
    title: {
      ar: 'لا توجد جلسات لتوزيعها',
      zh: '没有可分配的会议',
      en: 'No sessions to allocate',
      fr: 'Aucune session à attribuer',
      ru: 'Нет сессий для распределения',
      es: 'No hay sesiones que asignar',
    },
  },
  CALL_NOT_CLOSED: {
    status: 409,
    title: {
      ar: 'الدعوة لم تُغلق بعد',
      zh: '征集尚未截止',
      en: 'The call is not closed yet',
      fr: 'L’appel n’est pas encore clos',
      ru: 'Призыв ещё не закрыт',
      es: 'La convocatoria aún no está cerrada',
    },
  },
  ALLOCATION_CONFIRMED: {
    status: 409,
    title: {
      ar: 'تم تأكيد التوزيع',
      zh: '分配已确认',
      en: 'The allocation is confirmed',
      fr: 'L’attribution est confirmée',
      ru: 'Распределение подтверждено',
      es: 'La asignación está confirmada',
    },
  },
  ALLOCATION_VIOLATION: {
    status: 409,
    title: {
      ar: 'يخالف التعديل قواعد التوزيع',
      zh: '该修改违反分配规则',
      en: 'The amendment breaks the allocation’s limits',
      fr: 'La modification enfreint les limites de l’attribution',
      ru: 'Изменение нарушает ограничения распределения',
      es: 'La modificación infringe los límites de la asignación',
    },
  },
});

/** A commitment or a draw while the call's lottery is not enabled. */
export class LotteryDisabledError extends DomainError {
  constructor() {
    super(COHORTS_ERRORS.LOTTERY_DISABLED, problemDetail(COHORTS_DETAILS.LOTTERY_DISABLED));
  }
}

/** A commitment on a proposal whose grey zone holds no candidate for selection. */
export class LotteryNoGreyZoneError extends DomainError {
  constructor() {
    super(COHORTS_ERRORS.LOTTERY_NO_GREY_ZONE, problemDetail(COHORTS_DETAILS.LOTTERY_NO_GREY_ZONE));
  }
}

export class LotteryNotCommittedError extends DomainError {
  constructor() {
    super(COHORTS_ERRORS.LOTTERY_NOT_COMMITTED, problemDetail(COHORTS_DETAILS.LOTTERY_NOT_COMMITTED));
  }
}

export class LotteryAlreadyDrawnError extends DomainError {
  constructor() {
    super(COHORTS_ERRORS.LOTTERY_ALREADY_DRAWN, problemDetail(COHORTS_DETAILS.LOTTERY_ALREADY_DRAWN));
  }
}

/** A draw whose frozen candidates are no longer the grey zone's (scores changed since the commitment). */
export class LotteryCandidatesChangedError extends DomainError {
  constructor() {
    super(COHORTS_ERRORS.LOTTERY_CANDIDATES_CHANGED, problemDetail(COHORTS_DETAILS.LOTTERY_CANDIDATES_CHANGED));
  }
}

/** A commitment or a draw on a proposal the secretariat has amended: the draw runs the selection again. */
export class LotteryAfterAmendmentError extends DomainError {
  constructor() {
    super(COHORTS_ERRORS.LOTTERY_AFTER_AMENDMENT, problemDetail(COHORTS_DETAILS.LOTTERY_AFTER_AMENDMENT));
  }
}

/** A promotion while every seat is held by a centre whose offer stands. */
export class NoFreeSeatError extends DomainError {
  constructor() {
    super(COHORTS_ERRORS.NO_FREE_SEAT, problemDetail(COHORTS_DETAILS.NO_FREE_SEAT));
  }
}

/** Why a promotion is refused: the cohort is not published, the centre is no candidate, breaks a cap, or needs a reason. */
export type PromotionRefusal = 'NOT_PUBLISHED' | 'NOT_A_CANDIDATE' | 'BREAKS_CAP' | 'REASON_MISSING';

/** A promotion of a centre that is not a candidate, breaks a cap, or departs from the proposal without a reason. */
export class InvalidPromotionError extends DomainError {
  /** `cap` is the reason the centre was passed over (COUNTRY_CAP, REGION_CAP, …) when it BREAKS_CAP. */
  constructor(refusal: PromotionRefusal, cap = '') {
    super(COHORTS_ERRORS.INVALID_PROMOTION, problemDetail(COHORTS_DETAILS[`PROMOTION_${refusal}`], { cap }));
  }
}

/** Agreements issued before the secretariat has written the call's terms. */
export class AgreementTermsMissingError extends DomainError {
  constructor() {
    super(COHORTS_ERRORS.AGREEMENT_TERMS_MISSING, problemDetail(COHORTS_DETAILS.AGREEMENT_TERMS_MISSING));
  }
}

/** A withdrawal of a centre that is not on the cohort's current list. */
export class NotOnCurrentListError extends DomainError {
  constructor() {
    super(COHORTS_ERRORS.NOT_ON_CURRENT_LIST, problemDetail(COHORTS_DETAILS.NOT_ON_CURRENT_LIST));
  }
}

/** An answer to an offer after its deadline. */
export class OfferExpiredError extends DomainError {
  constructor(respondBy: Date) {
    super(
      COHORTS_ERRORS.OFFER_EXPIRED,
      problemDetail(COHORTS_DETAILS.OFFER_EXPIRED, { respondBy: respondBy.toISOString() }),
    );
  }
}

/** Why a change of a shortlist cannot apply: an application named twice, not in it or not ranked, or none advancing. */
export type ShortlistChangeRefusal = 'NAMED_TWICE' | 'NOT_IN_SHORTLIST' | 'NOT_RANKED' | 'NOTHING_ADVANCES';

/** A change of a shortlist that cannot apply: an application not in it, not ranked, or named twice. */
export class InvalidShortlistChangeError extends DomainError {
  constructor(refusal: ShortlistChangeRefusal, applicationId = '') {
    super(
      COHORTS_ERRORS.INVALID_SHORTLIST_CHANGE,
      problemDetail(COHORTS_DETAILS[`SHORTLIST_${refusal}`], { applicationId }),
    );
  }
}

/** A shortlist proposed from a stage with rescoring requests pending (their number), or none ranked (no number). */
export class StageNotScoredError extends DomainError {
  constructor(stage: number, pendingRescoring?: number) {
    super(
      COHORTS_ERRORS.STAGE_NOT_SCORED,
      pendingRescoring === undefined
        ? problemDetail(COHORTS_DETAILS.STAGE_NOT_RANKED, { stage })
        : problemDetail(COHORTS_DETAILS.STAGE_RESCORING_PENDING, { stage, pending: pendingRescoring }),
    );
  }
}

export class ShortlistConfirmedError extends DomainError {
  constructor(stage: number) {
    super(COHORTS_ERRORS.SHORTLIST_CONFIRMED, problemDetail(COHORTS_DETAILS.SHORTLIST_CONFIRMED, { stage }));
  }
}

/** A manual change the secretariat asked for that cannot apply to the proposal; every problem is listed. */
export class InvalidOverrideError extends DomainError {
  constructor(errors: FieldError[]) {
    super(COHORTS_ERRORS.INVALID_OVERRIDE, problemDetail(COHORTS_DETAILS.INVALID_OVERRIDE), errors);
  }
}

/**
 * Selection input that breaks an invariant the callers guarantee (duplicate ids or ranks, a country
 * in two regions, a size below 1, a negative cap). Like scoring's invalid input, it is deliberately
 * not a DomainError: it is a bug upstream or a DTO that let a bad value through, to surface as a 500.
 */
export class InvalidSelectionInputError extends Error {
  readonly code = 'INVALID_SELECTION_INPUT';

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class CohortPublishedError extends DomainError {
  constructor() {
    super(PLATFORM_ERRORS.COHORT_PUBLISHED, problemDetail(PLATFORM_DETAILS.COHORT_PUBLISHED));
  }
}

export class ScoringInProgressError extends DomainError {
  constructor(pending: number) {
    super(COHORTS_ERRORS.SCORING_IN_PROGRESS, problemDetail(COHORTS_DETAILS.SCORING_IN_PROGRESS, { pending }));
  }
}

export class CohortOutdatedError extends DomainError {
  constructor() {
    super(COHORTS_ERRORS.COHORT_OUTDATED, problemDetail(COHORTS_DETAILS.COHORT_OUTDATED));
  }
}

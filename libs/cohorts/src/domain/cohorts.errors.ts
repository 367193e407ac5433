import {
  DomainError,
  FieldError,
  PLATFORM_DETAILS,
  PLATFORM_ERRORS,
  declareDetails,
  declareErrors,
  problemDetail,
} from '@app/platform/errors';

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

/** The details of this context's problems in each language (problem+json `detail`, by Accept-Language). */
export const COHORTS_DETAILS = declareDetails({
  'NOT_FOUND.Agreement': {
    ar: 'لم يُعثر على الاتفاق.',
    zh: '未找到该协议。',
    en: 'Agreement not found.',
    fr: 'Accord introuvable.',
    ru: 'Соглашение не найдено.',
    es: 'No se ha encontrado el acuerdo.',
  },
  'NOT_FOUND.Agreement terms': {
    ar: 'لم يُعثر على شروط الاتفاق.',
    zh: '未找到协议条款。',
    en: 'Agreement terms not found.',
    fr: 'Conditions de l’accord introuvables.',
    ru: 'Условия соглашения не найдены.',
    es: 'No se han encontrado las condiciones del acuerdo.',
  },
  'NOT_FOUND.Annex': {
    ar: 'لم يُعثر على المرفق.',
    zh: '未找到该附件。',
    en: 'Annex not found.',
    fr: 'Annexe introuvable.',
    ru: 'Приложение не найдено.',
    es: 'No se ha encontrado el anexo.',
  },
  'NOT_FOUND.Cohort': {
    ar: 'لم يُعثر على الدفعة.',
    zh: '未找到该批次。',
    en: 'Cohort not found.',
    fr: 'Cohorte introuvable.',
    ru: 'Когорта не найдена.',
    es: 'No se ha encontrado la cohorte.',
  },
  'NOT_FOUND.Offer': {
    ar: 'لم يُعثر على العرض.',
    zh: '未找到该邀约。',
    en: 'Offer not found.',
    fr: 'Offre introuvable.',
    ru: 'Предложение не найдено.',
    es: 'No se ha encontrado la oferta.',
  },
  'NOT_FOUND.Shortlist': {
    ar: 'لم يُعثر على القائمة المختصرة.',
    zh: '未找到该入围名单。',
    en: 'Shortlist not found.',
    fr: 'Liste restreinte introuvable.',
    ru: 'Краткий список не найден.',
    es: 'No se ha encontrado la lista de preselección.',
  },
  'NOT_FOUND.Signed copy': {
    ar: 'لم يُعثر على النسخة الموقّعة.',
    zh: '未找到签署副本。',
    en: 'Signed copy not found.',
    fr: 'Exemplaire signé introuvable.',
    ru: 'Подписанный экземпляр не найден.',
    es: 'No se ha encontrado la copia firmada.',
  },
  LOTTERY_DISABLED: {
    ar: 'يُرجى أولًا تفعيل القرعة عند الحدّ الفاصل لهذه الدعوة.',
    zh: '请先为此征集启用分界线抽签。',
    en: 'Enable the lottery at the line for this call first.',
    fr: 'Veuillez d’abord activer le tirage au sort à la limite pour cet appel.',
    ru: 'Сначала включите жеребьёвку на границе отбора для этого призыва.',
    es: 'Active primero el sorteo en el límite para esta convocatoria.',
  },
  LOTTERY_NO_GREY_ZONE: {
    ar: 'لا يمتد نطاق ترتيب أي مرشح عبر المقعد الأخير: فلا شيء يُسحب بالقرعة.',
    zh: '没有任何候选者的排名区间跨越最后一个名额：无需抽签。',
    en: 'No candidate’s rank interval straddles the last seat: there is nothing to draw by lot.',
    fr: 'Aucun intervalle de rang de candidat ne chevauche la dernière place : il n’y a rien à tirer au sort.',
    ru: 'Ни один интервал рангов кандидатов не захватывает последнее место: разыгрывать по жребию нечего.',
    es: 'Ningún intervalo de rango de los candidatos abarca la última plaza: no hay nada que sortear.',
  },
  LOTTERY_NOT_COMMITTED: {
    ar: 'يُرجى الالتزام بسرّ قبل السحب: إذ يُنشر الالتزام أولًا.',
    zh: '抽签前请先对一个秘密值作出承诺：承诺须先行公布。',
    en: 'Commit to a secret before drawing: the commitment is published first.',
    fr: 'Veuillez vous engager sur un secret avant le tirage : l’engagement est publié en premier.',
    ru: 'Перед жеребьёвкой зафиксируйте секрет: сначала публикуется обязательство.',
    es: 'Comprométase con un secreto antes del sorteo: el compromiso se publica primero.',
  },
  LOTTERY_ALREADY_DRAWN: {
    ar: 'أُجريت القرعة لهذا المقترح؛ ولا تُجرى إلا مرة واحدة.',
    zh: '此提案的抽签已经进行；抽签只进行一次。',
    en: 'The lot of this proposal has been drawn; it is drawn only once.',
    fr: 'Le tirage au sort de cette proposition a eu lieu ; il n’a lieu qu’une fois.',
    ru: 'Жеребьёвка по этому предложению уже проведена; она проводится только один раз.',
    es: 'El sorteo de esta propuesta ya se ha realizado; solo se realiza una vez.',
  },
  LOTTERY_CANDIDATES_CHANGED: {
    ar: 'تغيّر مرشحو المنطقة الرمادية أو رتبهم منذ الالتزام؛ يُرجى الالتزام من جديد قبل السحب.',
    zh: '自作出承诺以来，灰色区域的候选者或其排名已发生变化；请在抽签前重新作出承诺。',
    en: 'The grey zone’s candidates or their ranks changed since the commitment; commit afresh before drawing.',
    fr: 'Les candidats de la zone grise ou leurs rangs ont changé depuis l’engagement ; veuillez vous engager à nouveau avant le tirage.',
    ru: 'С момента фиксации обязательства кандидаты серой зоны или их ранги изменились; перед жеребьёвкой зафиксируйте его заново.',
    es: 'Los candidatos de la zona gris o sus rangos han cambiado desde el compromiso; vuelva a comprometerse antes del sorteo.',
  },
  LOTTERY_AFTER_AMENDMENT: {
    ar: 'تُجرى القرعة على المقترح كما أعدّه الاختيار؛ يُرجى اقتراح الدفعة من جديد لإجراء القرعة، ثم تعديلها.',
    zh: '抽签针对遴选生成的原始提案进行；请重新提出批次以进行抽签，然后再作修改。',
    en: 'The lot is drawn on the proposal as the selection made it; propose the cohort afresh to draw, then amend.',
    fr: 'Le tirage au sort porte sur la proposition telle que la sélection l’a établie ; proposez de nouveau la cohorte pour procéder au tirage, puis modifiez-la.',
    ru: 'Жеребьёвка проводится по предложению в том виде, в каком его сформировал отбор; предложите когорту заново, проведите жеребьёвку, затем вносите изменения.',
    es: 'El sorteo se realiza sobre la propuesta tal como la estableció la selección; proponga de nuevo la cohorte para sortear y, después, modifíquela.',
  },
  NO_FREE_SEAT: {
    ar: 'جميع المقاعد يشغلها مراكز لا تزال عروضها قائمة (مقدَّمة أو مقبولة).',
    zh: '所有名额均由邀约仍然有效（已发出或已接受）的中心占据。',
    en: 'Every seat is held by a centre whose offer stands (offered or accepted).',
    fr: 'Toutes les places sont occupées par des centres dont l’offre est maintenue (proposée ou acceptée).',
    ru: 'Все места заняты центрами, предложения которым остаются в силе (направлены или приняты).',
    es: 'Todas las plazas están ocupadas por centros cuya oferta sigue vigente (ofrecida o aceptada).',
  },
  AGREEMENT_TERMS_MISSING: {
    ar: 'يُرجى صياغة شروط اتفاقات الدعوة قبل إصدارها.',
    zh: '请先拟定此征集的协议条款，然后再发出协议。',
    en: 'Write the terms of the call’s agreements before issuing them.',
    fr: 'Veuillez rédiger les conditions des accords de l’appel avant de les émettre.',
    ru: 'Прежде чем выдавать соглашения по призыву, составьте их условия.',
    es: 'Redacte las condiciones de los acuerdos de la convocatoria antes de emitirlos.',
  },
  NOT_ON_CURRENT_LIST: {
    ar: 'لا يمكن سحب إلا مركز مدرج في القائمة الحالية يكون عرضه مفتوحًا أو مقبولًا.',
    zh: '只有列于当前名单且邀约尚在有效期或已被接受的中心才能撤出。',
    en: 'Only a centre on the current list, whose offer is open or accepted, can be withdrawn.',
    fr: 'Seul un centre figurant sur la liste actuelle, dont l’offre est ouverte ou acceptée, peut être retiré.',
    ru: 'Исключить можно только центр из текущего списка, предложение которому открыто или принято.',
    es: 'Solo puede retirarse un centro que figure en la lista actual y cuya oferta esté abierta o aceptada.',
  },
  OFFER_EXPIRED: {
    ar: 'كان يجب الرد على العرض في موعد أقصاه {respondBy}.',
    zh: '该邀约须在 {respondBy} 之前答复。',
    en: 'The offer had to be answered by {respondBy}.',
    fr: 'Il fallait répondre à l’offre au plus tard le {respondBy}.',
    ru: 'На предложение нужно было ответить до {respondBy}.',
    es: 'La oferta debía responderse a más tardar el {respondBy}.',
  },
  SHORTLIST_CONFIRMED: {
    ar: 'القائمة المختصرة المؤدية إلى المرحلة {stage} مؤكَّدة: وطلباتها قيد التقييم فيها.',
    zh: '进入第 {stage} 阶段的入围名单已确认：其中的申请正在该阶段接受评审。',
    en: 'The shortlist into stage {stage} is confirmed: its applications are being evaluated there.',
    fr: 'La liste restreinte vers l’étape {stage} est confirmée : ses candidatures y sont en cours d’évaluation.',
    ru: 'Краткий список для этапа {stage} подтверждён: включённые в него заявки уже оцениваются на этом этапе.',
    es: 'La lista de preselección para la etapa {stage} está confirmada: sus solicitudes se están evaluando en ella.',
  },
  INVALID_OVERRIDE: {
    ar: 'يتعذّر تطبيق التغييرات المطلوبة على الدفعة.',
    zh: '无法对批次应用所请求的更改。',
    en: 'The requested changes to the cohort cannot be applied.',
    fr: 'Les modifications demandées de la cohorte ne peuvent pas être appliquées.',
    ru: 'Запрошенные изменения когорты не могут быть применены.',
    es: 'No se pueden aplicar los cambios solicitados a la cohorte.',
  },
  SCORING_IN_PROGRESS: {
    ar: 'الدرجات ليست محدَّثة بعد ({pending, plural, zero {لا طلبات} one {طلب واحد} two {طلبان} few {# طلبات} many {# طلبًا} other {# طلب}} لإعادة حساب الدرجات قيد الانتظار)؛ يُرجى المحاولة مجددًا عندما تُظهر حالة حساب الدرجات أنها محدَّثة.',
    zh: '分数尚未更新（有 {pending, number} 个重新计分请求待处理）；请在计分状态显示已更新后重试。',
    en: 'Scores are not up to date yet ({pending} rescoring request(s) pending); try again once scoring-status says upToDate.',
    fr: 'Les notes ne sont pas encore à jour ({pending, plural, one {# demande de recalcul en attente} other {# demandes de recalcul en attente}}) ; veuillez réessayer lorsque l’état du calcul des notes indique qu’elles sont à jour.',
    ru: 'Баллы ещё не обновлены (запросов на пересчёт в очереди: {pending, number}); повторите попытку, когда статус подсчёта покажет, что баллы актуальны.',
    es: 'Las puntuaciones aún no están actualizadas ({pending, plural, one {# solicitud de nuevo cálculo pendiente} other {# solicitudes de nuevo cálculo pendientes}}); vuelva a intentarlo cuando el estado del cálculo indique que están al día.',
  },
  COHORT_OUTDATED: {
    ar: 'تغيّر الترتيب أو الطلبات منذ اقتراح هذه الدفعة؛ يُرجى اقتراح دفعة جديدة.',
    zh: '自提出此批次以来，排名或申请已发生变化；请提出新的批次。',
    en: 'The ranking or the applications changed since this cohort was proposed; propose a new cohort.',
    fr: 'Le classement ou les candidatures ont changé depuis la proposition de cette cohorte ; veuillez proposer une nouvelle cohorte.',
    ru: 'С момента предложения этой когорты изменились рейтинг или заявки; предложите новую когорту.',
    es: 'La clasificación o las solicitudes han cambiado desde que se propuso esta cohorte; proponga una nueva cohorte.',
  },
  PROMOTION_NOT_PUBLISHED: {
    ar: 'لا توجد مقاعد يُعاد شغلها إلا في دفعة منشورة.',
    zh: '只有已发布的批次才有可递补的名额。',
    en: 'Only a published cohort has seats to refill.',
    fr: 'Seule une cohorte publiée a des places à pourvoir de nouveau.',
    ru: 'Места для повторного заполнения есть только в опубликованной когорте.',
    es: 'Solo una cohorte publicada tiene plazas que volver a cubrir.',
  },
  PROMOTION_NOT_A_CANDIDATE: {
    ar: 'ليس هذا الطلب من المرشحين الذين لم يُدرجوا في الدفعة، أو سبق أن عُرض عليه مقعد.',
    zh: '该申请不是未入选批次的候选申请，或已获得过名额邀约。',
    en: 'The application is not a candidate left out of the cohort, or was offered a place already.',
    fr: 'Cette candidature n’est pas une candidature restée en dehors de la cohorte, ou une place lui a déjà été offerte.',
    ru: 'Эта заявка не относится к кандидатам, не вошедшим в когорту, или ей уже было предложено место.',
    es: 'Esta solicitud no es una candidata que haya quedado fuera de la cohorte, o ya se le ha ofrecido una plaza.',
  },
  PROMOTION_BREAKS_CAP: {
    ar: 'من شأن ترقية هذا المركز أن تتجاوز حدًا من حدود الدعوة ({cap, select, COUNTRY_CAP {الحد الأقصى لكل بلد} REGION_CAP {الحد الأقصى لكل منطقة} COHORT_FULL {حجم الدفعة} other {{cap}}}).',
    zh: '递补该中心将突破此征集的一项上限（{cap, select, COUNTRY_CAP {每个国家的上限} REGION_CAP {每个区域的上限} COHORT_FULL {批次规模} other {{cap}}}）。',
    en: 'Promoting this centre would break a cap of the call ({cap}).',
    fr: 'La promotion de ce centre enfreindrait une limite de l’appel ({cap, select, COUNTRY_CAP {plafond par pays} REGION_CAP {plafond par région} COHORT_FULL {taille de la cohorte} other {{cap}}}).',
    ru: 'Продвижение этого центра нарушило бы ограничение призыва ({cap, select, COUNTRY_CAP {предел на страну} REGION_CAP {предел на регион} COHORT_FULL {размер когорты} other {{cap}}}).',
    es: 'Promover este centro incumpliría un límite de la convocatoria ({cap, select, COUNTRY_CAP {máximo por país} REGION_CAP {máximo por región} COHORT_FULL {tamaño de la cohorte} other {{cap}}}).',
  },
  PROMOTION_REASON_MISSING: {
    ar: 'يلزم تقديم سبب مكتوب لاختيار مركز غير المركز المقترح.',
    zh: '选择建议中心以外的中心须提供书面理由。',
    en: 'Another centre than the proposed one needs a written reason.',
    fr: 'Le choix d’un autre centre que celui proposé doit être motivé par écrit.',
    ru: 'Выбор другого центра вместо предложенного требует письменного обоснования.',
    es: 'Elegir un centro distinto del propuesto requiere una justificación por escrito.',
  },
  SHORTLIST_NAMED_TWICE: {
    ar: 'ورد أحد الطلبات مرتين في التغييرات.',
    zh: '变更中有申请被列出两次。',
    en: 'an application is named twice in the changes',
    fr: 'une candidature figure deux fois dans les modifications',
    ru: 'одна из заявок указана в изменениях дважды',
    es: 'una solicitud figura dos veces en los cambios',
  },
  SHORTLIST_NOT_IN_SHORTLIST: {
    ar: 'الطلب {applicationId} ليس في القائمة المختصرة.',
    zh: '申请 {applicationId} 不在入围名单中。',
    en: 'application {applicationId} is not in the shortlist',
    fr: 'la candidature {applicationId} ne figure pas sur la liste restreinte',
    ru: 'заявки {applicationId} нет в кратком списке',
    es: 'la solicitud {applicationId} no figura en la lista de preselección',
  },
  SHORTLIST_NOT_RANKED: {
    ar: 'الطلب {applicationId} غير مرتَّب في هذه المرحلة.',
    zh: '申请 {applicationId} 在该阶段没有排名。',
    en: 'application {applicationId} is not ranked in the stage',
    fr: 'la candidature {applicationId} n’est pas classée dans cette étape',
    ru: 'заявка {applicationId} не имеет места в рейтинге этого этапа',
    es: 'la solicitud {applicationId} no está clasificada en esta etapa',
  },
  SHORTLIST_NOTHING_ADVANCES: {
    ar: 'لا ينتقل أي طلب إلى المرحلة التالية؛ فلا شيء يمكن تأكيده.',
    zh: '没有申请晋级，因此没有可确认的内容。',
    en: 'No application advances: there is nothing to confirm.',
    fr: 'Aucune candidature ne passe à l’étape suivante : il n’y a rien à confirmer.',
    ru: 'Ни одна заявка не переходит на следующий этап: подтверждать нечего.',
    es: 'Ninguna solicitud avanza: no hay nada que confirmar.',
  },
  STAGE_RESCORING_PENDING: {
    ar: 'في المرحلة {stage} {pending, plural, zero {لا طلبات} one {طلب واحد} two {طلبان} few {# طلبات} many {# طلبًا} other {# طلب}} لإعادة حساب الدرجات قيد الانتظار؛ وتُعدّ القائمة المختصرة من ترتيبها.',
    zh: '第 {stage} 阶段有 {pending, number} 个重新计分请求待处理；入围名单依据该阶段的排名产生。',
    en: 'Stage {stage} has {pending} rescoring request(s) pending; the shortlist is made from its ranking.',
    fr: 'L’étape {stage} a {pending, plural, one {# demande de recalcul en attente} other {# demandes de recalcul en attente}} ; la liste restreinte est établie à partir de son classement.',
    ru: 'На этапе {stage} ожидают обработки запросы на пересчёт ({pending, number}); краткий список составляется по его рейтингу.',
    es: 'La etapa {stage} tiene {pending, plural, one {# solicitud de nuevo cálculo pendiente} other {# solicitudes de nuevo cálculo pendientes}}; la lista de preselección se elabora a partir de su clasificación.',
  },
  STAGE_NOT_RANKED: {
    ar: 'لا يوجد في المرحلة {stage} أي طلب مرتَّب؛ وتُعدّ القائمة المختصرة من ترتيبها.',
    zh: '第 {stage} 阶段没有已排名的申请；入围名单依据该阶段的排名产生。',
    en: 'Stage {stage} has no ranked application; the shortlist is made from its ranking.',
    fr: 'L’étape {stage} ne compte aucune candidature classée ; la liste restreinte est établie à partir de son classement.',
    ru: 'На этапе {stage} нет ни одной заявки с местом в рейтинге; краткий список составляется по его рейтингу.',
    es: 'La etapa {stage} no tiene ninguna solicitud clasificada; la lista de preselección se elabora a partir de su clasificación.',
  },
});

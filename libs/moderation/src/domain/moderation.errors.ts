import { DomainError, PLATFORM_ERRORS, declareDetails, declareErrors, problemDetail } from '@app/platform/errors';

/** The codes moderation raises, with the status and title the HTTP edge answers them with. */
export const MODERATION_ERRORS = declareErrors({
  NOT_MODERATOR: {
    status: 403,
    title: {
      ar: 'لا يتولى الإشراف على الدعوة إلا الأمانة أو رئيسها',
      zh: '只有秘书处或征集的主席可以对其进行审核',
      en: 'Only the secretariat or the chair of the call moderates it',
      fr: 'Seuls le secrétariat et le président de l’appel peuvent le modérer',
      ru: 'Модерацию конкурса осуществляют только секретариат или его председатель',
      es: 'Solo la secretaría o la presidencia de la convocatoria pueden moderarla',
    },
  },
  CHAIR_NOT_ON_PANEL: {
    status: 422,
    title: {
      ar: 'يجب أن يكون الرئيس عضواً في الفريق',
      zh: '主席必须是评审小组成员',
      en: 'The chair must be a member of the panel',
      fr: 'Le président doit être membre du jury',
      ru: 'Председатель должен входить в состав группы',
      es: 'La presidencia debe ser miembro del grupo de evaluación',
    },
  },
  NOT_IN_MODERATION_QUEUE: {
    status: 409,
    title: {
      ar: 'الطلب ليس في قائمة انتظار الإشراف',
      zh: '该申请不在审核队列中',
      en: 'The application is not in the moderation queue',
      fr: 'La candidature n’est pas dans la file de modération',
      ru: 'Заявка не находится в очереди модерации',
      es: 'La solicitud no está en la cola de moderación',
    },
  },
  ALREADY_IN_MODERATION_QUEUE: {
    status: 409,
    title: {
      ar: 'الطلب موجود بالفعل في قائمة انتظار الإشراف',
      zh: '该申请已在审核队列中',
      en: 'The application is already in the moderation queue',
      fr: 'La candidature est déjà dans la file de modération',
      ru: 'Заявка уже находится в очереди модерации',
      es: 'La solicitud ya está en la cola de moderación',
    },
  },
});

/** A panel member who is not the call's chair, or any other non-staff caller, asks to moderate. */
export class NotModeratorError extends DomainError {
  constructor() {
    super(MODERATION_ERRORS.NOT_MODERATOR, problemDetail(MODERATION_DETAILS.NOT_MODERATOR));
  }
}

export class ChairNotOnPanelError extends DomainError {
  constructor() {
    super(MODERATION_ERRORS.CHAIR_NOT_ON_PANEL, problemDetail(MODERATION_DETAILS.CHAIR_NOT_ON_PANEL));
  }
}

/** Only an application the scoring flags, or that the secretariat added, is resolved. */
export class NotInModerationQueueError extends DomainError {
  constructor() {
    super(MODERATION_ERRORS.NOT_IN_MODERATION_QUEUE, problemDetail(MODERATION_DETAILS.NOT_IN_MODERATION_QUEUE));
  }
}

export class AlreadyInModerationQueueError extends DomainError {
  constructor() {
    super(MODERATION_ERRORS.ALREADY_IN_MODERATION_QUEUE, problemDetail(MODERATION_DETAILS.ALREADY_IN_MODERATION_QUEUE));
  }
}

/** After publication the ranking is a record: nothing is moderated. */
export class ModerationFrozenError extends DomainError {
  constructor() {
    super(PLATFORM_ERRORS.COHORT_PUBLISHED, problemDetail(MODERATION_DETAILS.MODERATION_FROZEN));
  }
}

/** The details of this context's problems in each language (problem+json `detail`, by Accept-Language). */
export const MODERATION_DETAILS = declareDetails({
  NOT_MODERATOR: {
    ar: 'لا يجوز الإشراف على هذه الدعوة إلا للأمانة أو لرئيس فريق التقييم فيها.',
    zh: '只有秘书处或此征集的主席才能对其进行审核。',
    en: 'Only the secretariat or the chair of this call can moderate it.',
    fr: 'Seuls le secrétariat ou le président de cet appel peuvent en assurer la modération.',
    ru: 'Модерировать этот призыв могут только секретариат или его председатель.',
    es: 'Solo la secretaría o la presidencia de esta convocatoria pueden moderarla.',
  },
  CHAIR_NOT_ON_PANEL: {
    ar: 'يُرجى تسمية عضو من فريق التقييم في الدعوة رئيسًا له.',
    zh: '请指定此征集评审小组的一名成员担任主席。',
    en: 'Name a member of the call’s panel as its chair.',
    fr: 'Veuillez désigner comme président un membre du comité d’évaluation de l’appel.',
    ru: 'Назначьте председателем одного из членов группы оценки призыва.',
    es: 'Designe como presidente a un miembro del comité de evaluación de la convocatoria.',
  },
  NOT_IN_MODERATION_QUEUE: {
    ar: 'الطلب ليس معلَّمًا للإشراف في هذه المرحلة ولا مضافًا إلى قائمة انتظارها.',
    zh: '该申请在此阶段既未被标记为需审核，也未被加入审核队列。',
    en: 'The application is neither flagged for moderation in this stage nor added to its queue.',
    fr: 'La candidature n’est ni signalée pour modération à cette étape ni ajoutée à sa file d’attente.',
    ru: 'Заявка не отмечена для модерации на этом этапе и не добавлена в его очередь.',
    es: 'La solicitud no está marcada para moderación en esta etapa ni se ha añadido a su cola.',
  },
  ALREADY_IN_MODERATION_QUEUE: {
    ar: 'الطلب موجود بالفعل في قائمة انتظار الإشراف لهذه المرحلة.',
    zh: '该申请已在此阶段的审核队列中。',
    en: 'The application is already in this stage’s moderation queue.',
    fr: 'La candidature figure déjà dans la file de modération de cette étape.',
    ru: 'Заявка уже находится в очереди модерации этого этапа.',
    es: 'La solicitud ya figura en la cola de moderación de esta etapa.',
  },
  MODERATION_FROZEN: {
    ar: 'نُشرت دفعة هذه الدعوة؛ وأُغلق الإشراف عليها.',
    zh: '此征集的批次已发布，其审核已结束。',
    en: 'The cohort of this call is published; its moderation is closed.',
    fr: 'La cohorte de cet appel est publiée ; sa modération est close.',
    ru: 'Когорта этого призыва опубликована; модерация по нему закрыта.',
    es: 'La cohorte de esta convocatoria está publicada; su moderación está cerrada.',
  },
});

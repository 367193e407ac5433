import { DomainError, PLATFORM_ERRORS, declareErrors } from '@app/platform/errors';

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
    super(MODERATION_ERRORS.NOT_MODERATOR, 'Only the secretariat or the chair of this call can moderate it.');
  }
}

export class ChairNotOnPanelError extends DomainError {
  constructor() {
    super(MODERATION_ERRORS.CHAIR_NOT_ON_PANEL, 'Name a member of the call’s panel as its chair.');
  }
}

/** Only an application the scoring flags, or that the secretariat added, is resolved. */
export class NotInModerationQueueError extends DomainError {
  constructor() {
    super(
      MODERATION_ERRORS.NOT_IN_MODERATION_QUEUE,
      'The application is neither flagged for moderation in this stage nor added to its queue.',
    );
  }
}

export class AlreadyInModerationQueueError extends DomainError {
  constructor() {
    super(
      MODERATION_ERRORS.ALREADY_IN_MODERATION_QUEUE,
      'The application is already in this stage’s moderation queue.',
    );
  }
}

/** After publication the ranking is a record: nothing is moderated. */
export class ModerationFrozenError extends DomainError {
  constructor() {
    super(PLATFORM_ERRORS.COHORT_PUBLISHED, 'The cohort of this call is published; its moderation is closed.');
  }
}

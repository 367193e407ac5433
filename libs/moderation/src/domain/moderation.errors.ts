import { DomainError, PLATFORM_ERRORS, declareErrors } from '@app/platform/errors';

/** The codes moderation raises, with the status and title the HTTP edge answers them with. */
export const MODERATION_ERRORS = declareErrors({
  NOT_MODERATOR: {
    status: 403,
    title: {
      en: 'Only the secretariat or the chair of the call moderates it',
      fr: 'Seuls le secrétariat et le président de l’appel peuvent le modérer',
    },
  },
  CHAIR_NOT_ON_PANEL: {
    status: 422,
    title: { en: 'The chair must be a member of the panel', fr: 'Le président doit être membre du jury' },
  },
  NOT_IN_MODERATION_QUEUE: {
    status: 409,
    title: {
      en: 'The application is not in the moderation queue',
      fr: 'La candidature n’est pas dans la file de modération',
    },
  },
  ALREADY_IN_MODERATION_QUEUE: {
    status: 409,
    title: {
      en: 'The application is already in the moderation queue',
      fr: 'La candidature est déjà dans la file de modération',
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

import { DomainError, FieldError, PLATFORM_ERRORS, declareErrors } from '@app/platform/errors';

/** The codes evaluation raises, with the status and title the HTTP edge answers them with. */
export const EVALUATION_ERRORS = declareErrors({
  INCOMPLETE_EVALUATION: {
    status: 422,
    title: {
      ar: 'التقييم غير مكتمل',
      zh: '评审不完整',
      en: 'The evaluation is incomplete',
      fr: 'L’évaluation est incomplète',
      ru: 'Оценка не завершена',
      es: 'La evaluación está incompleta',
    },
  },
  CONFLICT_OF_INTEREST: {
    status: 409,
    title: {
      ar: 'تضارب في المصالح',
      zh: '利益冲突',
      en: 'Conflict of interest',
      fr: 'Conflit d’intérêts',
      ru: 'Конфликт интересов',
      es: 'Conflicto de intereses',
    },
  },
  NOT_ON_PANEL: {
    status: 409,
    title: {
      ar: 'ليس عضواً في الفريق',
      zh: '不在评审小组中',
      en: 'Not on the panel',
      fr: 'Hors du panel',
      ru: 'Не входит в состав группы',
      es: 'No forma parte del grupo de evaluación',
    },
  },
  ALREADY_ASSIGNED: {
    status: 409,
    title: {
      ar: 'مُسند بالفعل',
      zh: '已分配',
      en: 'Already assigned',
      fr: 'Déjà affecté',
      ru: 'Уже назначено',
      es: 'Ya asignada',
    },
  },
  NOT_ASSIGNABLE: {
    status: 409,
    title: {
      ar: 'غير مفتوح للتقييم',
      zh: '未开放评审',
      en: 'Not open to evaluation',
      fr: 'Non ouverte à l’évaluation',
      ru: 'Не открыто для оценки',
      es: 'No abierta a evaluación',
    },
  },
  NOT_SHORTLISTED: {
    status: 409,
    title: {
      ar: 'غير مدرج في القائمة المختصرة لهذه المرحلة',
      zh: '未入围本阶段',
      en: 'Not shortlisted for this stage',
      fr: 'Non retenue pour cette étape',
      ru: 'Не включено в краткий список этого этапа',
      es: 'No preseleccionada para esta etapa',
    },
  },
  SHORTLIST_NOT_CONFIRMED: {
    status: 409,
    title: {
      ar: 'لا توجد قائمة مختصرة مؤكدة لهذه المرحلة',
      zh: '本阶段没有已确认的入围名单',
      en: 'No confirmed shortlist for this stage',
      fr: 'Aucune liste restreinte confirmée pour cette étape',
      ru: 'Для этого этапа нет подтверждённого краткого списка',
      es: 'No hay una lista de preselección confirmada para esta etapa',
    },
  },
  EVALUATOR_HAS_ASSIGNMENTS: {
    status: 409,
    title: {
      ar: 'لدى المقيّم مهام مسندة',
      zh: '该评审员有已分配的任务',
      en: 'The evaluator has assignments',
      fr: 'L’évaluateur a des affectations',
      ru: 'У эксперта есть назначения',
      es: 'El evaluador tiene asignaciones',
    },
  },
  EVALUATOR_INACTIVE: {
    status: 409,
    title: {
      ar: 'حساب المقيّم معطّل',
      zh: '该评审员的账户已停用',
      en: 'The evaluator’s account is deactivated',
      fr: 'Le compte de l’évaluateur est désactivé',
      ru: 'Учётная запись эксперта деактивирована',
      es: 'La cuenta del evaluador está desactivada',
    },
  },
});

export class IncompleteEvaluationError extends DomainError {
  constructor(errors: FieldError[]) {
    super(EVALUATION_ERRORS.INCOMPLETE_EVALUATION, 'Every criterion must be scored before submitting.', errors);
  }
}

export class ConflictOfInterestError extends DomainError {
  constructor(kind: string) {
    super(
      EVALUATION_ERRORS.CONFLICT_OF_INTEREST,
      `The evaluator has a conflict of interest with this application (${kind}).`,
    );
  }
}

export class NotOnPanelError extends DomainError {
  constructor(stage = 1) {
    super(
      EVALUATION_ERRORS.NOT_ON_PANEL,
      stage === 1
        ? 'The evaluator is not on the panel of this call.'
        : `The evaluator is not on the panel of stage ${stage} of this call.`,
    );
  }
}

export class AlreadyAssignedError extends DomainError {
  constructor() {
    super(EVALUATION_ERRORS.ALREADY_ASSIGNED, 'The evaluator is already assigned to this application.');
  }
}

export class NotAnEvaluatorError extends DomainError {
  constructor(ids: string[]) {
    super(PLATFORM_ERRORS.VALIDATION_FAILED, 'Only users with the evaluator role can sit on a panel.', [
      ...ids.map((id) => ({
        field: 'evaluatorIds',
        message: `${id} is not an evaluator`,
        code: 'NOT_AN_EVALUATOR',
        params: { id },
      })),
    ]);
  }
}

/** A deactivated account takes no new seat on a panel and no new assignment. */
export class EvaluatorInactiveError extends DomainError {
  constructor(ids: string[]) {
    super(
      EVALUATION_ERRORS.EVALUATOR_INACTIVE,
      'A deactivated evaluator can neither join a panel nor be assigned an application.',
      ids.map((id) => ({ field: 'evaluatorIds', message: `${id} is deactivated`, params: { id } })),
    );
  }
}

export class AssignmentClosedError extends DomainError {
  constructor(status: string, action: string) {
    super(PLATFORM_ERRORS.INVALID_TRANSITION, `An assignment that is ${status} cannot be ${action}.`);
  }
}

export class EvaluationsHiddenError extends DomainError {
  constructor() {
    super(PLATFORM_ERRORS.FORBIDDEN, "Submit your own evaluation of this application before reading your colleagues'.");
  }
}

export class CallPublishedError extends DomainError {
  constructor() {
    super(
      PLATFORM_ERRORS.COHORT_PUBLISHED,
      'The cohort of this call is published; its evaluations can no longer change.',
    );
  }
}

export class NotAssignableError extends DomainError {
  constructor() {
    super(EVALUATION_ERRORS.NOT_ASSIGNABLE, 'Only submitted, eligible applications are evaluated.');
  }
}

export class NotShortlistedError extends DomainError {
  constructor(stage: number) {
    super(
      EVALUATION_ERRORS.NOT_SHORTLISTED,
      `Only the applications the confirmed shortlist advances to stage ${stage} are evaluated in it.`,
    );
  }
}

export class ShortlistNotConfirmedError extends DomainError {
  constructor(stage: number) {
    super(
      EVALUATION_ERRORS.SHORTLIST_NOT_CONFIRMED,
      `Stage ${stage} is evaluated once the shortlist from stage ${stage - 1} is confirmed.`,
    );
  }
}

export class AssignmentNotYetError extends DomainError {
  constructor(status: string) {
    super(
      PLATFORM_ERRORS.INVALID_TRANSITION,
      `Evaluators are assigned once the call has closed; this call is ${status}.`,
    );
  }
}

export class EvaluatorHasAssignmentsError extends DomainError {
  constructor() {
    super(EVALUATION_ERRORS.EVALUATOR_HAS_ASSIGNMENTS, 'Release or reassign its assignments first.');
  }
}

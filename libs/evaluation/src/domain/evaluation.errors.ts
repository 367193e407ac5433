import {
  DomainError,
  FieldError,
  PLATFORM_ERRORS,
  declareDetails,
  declareErrors,
  problemDetail,
} from '@app/platform/errors';

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
    super(EVALUATION_ERRORS.INCOMPLETE_EVALUATION, problemDetail(EVALUATION_DETAILS.INCOMPLETE_EVALUATION), errors);
  }
}

export class ConflictOfInterestError extends DomainError {
  constructor(kind: string) {
    super(EVALUATION_ERRORS.CONFLICT_OF_INTEREST, problemDetail(EVALUATION_DETAILS.CONFLICT_OF_INTEREST, { kind }));
  }
}

export class NotOnPanelError extends DomainError {
  constructor(stage = 1) {
    super(EVALUATION_ERRORS.NOT_ON_PANEL, problemDetail(EVALUATION_DETAILS.NOT_ON_PANEL, { stage }));
  }
}

export class AlreadyAssignedError extends DomainError {
  constructor() {
    super(EVALUATION_ERRORS.ALREADY_ASSIGNED, problemDetail(EVALUATION_DETAILS.ALREADY_ASSIGNED));
  }
}

export class NotAnEvaluatorError extends DomainError {
  constructor(ids: string[]) {
    super(PLATFORM_ERRORS.VALIDATION_FAILED, problemDetail(EVALUATION_DETAILS.NOT_AN_EVALUATOR), [
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
      problemDetail(EVALUATION_DETAILS.EVALUATOR_INACTIVE),
      ids.map((id) => ({ field: 'evaluatorIds', message: `${id} is deactivated`, params: { id } })),
    );
  }
}

export class AssignmentClosedError extends DomainError {
  constructor(status: string, action: string) {
    super(PLATFORM_ERRORS.INVALID_TRANSITION, problemDetail(EVALUATION_DETAILS.ASSIGNMENT_CLOSED, { status, action }));
  }
}

export class EvaluationsHiddenError extends DomainError {
  constructor() {
    super(PLATFORM_ERRORS.FORBIDDEN, problemDetail(EVALUATION_DETAILS.EVALUATIONS_HIDDEN));
  }
}

export class CallPublishedError extends DomainError {
  constructor() {
    super(PLATFORM_ERRORS.COHORT_PUBLISHED, problemDetail(EVALUATION_DETAILS.EVALUATIONS_PUBLISHED));
  }
}

export class NotAssignableError extends DomainError {
  constructor() {
    super(EVALUATION_ERRORS.NOT_ASSIGNABLE, problemDetail(EVALUATION_DETAILS.NOT_ASSIGNABLE));
  }
}

export class NotShortlistedError extends DomainError {
  constructor(stage: number) {
    super(EVALUATION_ERRORS.NOT_SHORTLISTED, problemDetail(EVALUATION_DETAILS.NOT_SHORTLISTED, { stage }));
  }
}

export class ShortlistNotConfirmedError extends DomainError {
  constructor(stage: number) {
    super(
      EVALUATION_ERRORS.SHORTLIST_NOT_CONFIRMED,
      problemDetail(EVALUATION_DETAILS.SHORTLIST_NOT_CONFIRMED, { stage, previous: stage - 1 }),
    );
  }
}

export class AssignmentNotYetError extends DomainError {
  constructor(status: string) {
    super(PLATFORM_ERRORS.INVALID_TRANSITION, problemDetail(EVALUATION_DETAILS.ASSIGNMENT_NOT_YET, { status }));
  }
}

export class EvaluatorHasAssignmentsError extends DomainError {
  constructor() {
    super(EVALUATION_ERRORS.EVALUATOR_HAS_ASSIGNMENTS, problemDetail(EVALUATION_DETAILS.EVALUATOR_HAS_ASSIGNMENTS));
  }
}

/** The details of this context's problems in each language (problem+json `detail`, by Accept-Language). */
export const EVALUATION_DETAILS = declareDetails({
  'NOT_FOUND.Assignment': {
    ar: 'لم يُعثر على المهمة المسندة.',
    zh: '未找到该评审分配。',
    en: 'Assignment not found.',
    fr: 'Affectation introuvable.',
    ru: 'Назначение не найдено.',
    es: 'No se ha encontrado la asignación.',
  },
  'NOT_FOUND.Panel member': {
    ar: 'لم يُعثر على عضو فريق التقييم.',
    zh: '未找到该评审小组成员。',
    en: 'Panel member not found.',
    fr: 'Membre du comité d’évaluation introuvable.',
    ru: 'Член группы оценки не найден.',
    es: 'No se ha encontrado el miembro del comité de evaluación.',
  },
  INCOMPLETE_EVALUATION: {
    ar: 'يجب إعطاء درجة لكل معيار قبل التقديم.',
    zh: '提交前必须为每项标准评分。',
    en: 'Every criterion must be scored before submitting.',
    fr: 'Chaque critère doit être noté avant la soumission.',
    ru: 'Перед отправкой необходимо оценить каждый критерий.',
    es: 'Todos los criterios deben puntuarse antes de presentar la evaluación.',
  },
  CONFLICT_OF_INTEREST: {
    ar: 'لدى المقيّم تضارب في المصالح مع هذا الطلب ({kind, select, declared {مُعلَن} same_organisation {المنظمة نفسها} same_country {البلد نفسه} other {{kind}}}).',
    zh: '该评审人与此申请存在利益冲突（{kind, select, declared {已申报} same_organisation {同一组织} same_country {同一国家} other {{kind}}}）。',
    en: 'The evaluator has a conflict of interest with this application ({kind}).',
    fr: 'L’évaluateur a un conflit d’intérêts avec cette candidature ({kind, select, declared {déclaré} same_organisation {même organisation} same_country {même pays} other {{kind}}}).',
    ru: 'У оценщика конфликт интересов с этой заявкой ({kind, select, declared {заявленный} same_organisation {та же организация} same_country {та же страна} other {{kind}}}).',
    es: 'El evaluador tiene un conflicto de intereses con esta solicitud ({kind, select, declared {declarado} same_organisation {misma organización} same_country {mismo país} other {{kind}}}).',
  },
  NOT_ON_PANEL: {
    ar: '{stage, select, 1 {المقيّم ليس عضوًا في فريق التقييم لهذه الدعوة.} other {المقيّم ليس عضوًا في فريق التقييم للمرحلة {stage} من هذه الدعوة.}}',
    zh: '{stage, select, 1 {该评审人不在此征集的评审小组中。} other {该评审人不在此征集第 {stage} 阶段的评审小组中。}}',
    en: '{stage, select, 1 {The evaluator is not on the panel of this call.} other {The evaluator is not on the panel of stage {stage} of this call.}}',
    fr: '{stage, select, 1 {L’évaluateur ne fait pas partie du comité d’évaluation de cet appel.} other {L’évaluateur ne fait pas partie du comité d’évaluation de l’étape {stage} de cet appel.}}',
    ru: '{stage, select, 1 {Оценщик не входит в группу оценки этого призыва.} other {Оценщик не входит в группу оценки этапа {stage} этого призыва.}}',
    es: '{stage, select, 1 {El evaluador no forma parte del comité de evaluación de esta convocatoria.} other {El evaluador no forma parte del comité de evaluación de la etapa {stage} de esta convocatoria.}}',
  },
  ALREADY_ASSIGNED: {
    ar: 'المقيّم مُسند بالفعل إلى هذا الطلب.',
    zh: '该评审人已被分配评审此申请。',
    en: 'The evaluator is already assigned to this application.',
    fr: 'L’évaluateur est déjà affecté à cette candidature.',
    ru: 'Оценщик уже назначен на эту заявку.',
    es: 'El evaluador ya está asignado a esta solicitud.',
  },
  NOT_AN_EVALUATOR: {
    ar: 'لا يجوز أن يكون عضوًا في فريق التقييم إلا المستخدمون الذين لهم دور المقيّم.',
    zh: '只有具有评审人角色的用户才能加入评审小组。',
    en: 'Only users with the evaluator role can sit on a panel.',
    fr: 'Seuls les utilisateurs ayant le rôle d’évaluateur peuvent siéger dans un comité d’évaluation.',
    ru: 'Входить в группу оценки могут только пользователи с ролью оценщика.',
    es: 'Solo los usuarios con el rol de evaluador pueden formar parte de un comité de evaluación.',
  },
  EVALUATOR_INACTIVE: {
    ar: 'لا يمكن للمقيّم المعطَّل الانضمام إلى فريق تقييم ولا أن يُسند إليه طلب.',
    zh: '已停用的评审人既不能加入评审小组，也不能被分配申请。',
    en: 'A deactivated evaluator can neither join a panel nor be assigned an application.',
    fr: 'Un évaluateur désactivé ne peut ni rejoindre un comité d’évaluation ni se voir affecter une candidature.',
    ru: 'Деактивированный оценщик не может ни войти в группу оценки, ни получить заявку на оценку.',
    es: 'Un evaluador desactivado no puede incorporarse a un comité de evaluación ni recibir la asignación de una solicitud.',
  },
  ASSIGNMENT_CLOSED: {
    ar: 'لا يمكن {action, select, edited {تعديل} submitted {تقديم} reopened {إعادة فتح} declined {رفض} released {إلغاء إسناد} reassigned {إعادة إسناد} other {معالجة}} مهمة مسندة {status, select, assigned {مسندة حديثًا} draft {في مرحلة المسودة} submitted {مقدَّمة} declined {مرفوضة} released {ملغى إسنادها} other {في الحالة «{status}»}}.',
    zh: '{status, select, assigned {已分配} draft {处于草稿状态} submitted {已提交} declined {已谢绝} released {已释放} other {处于“{status}”状态}}的评审分配不能{action, select, edited {编辑} submitted {提交} reopened {重新开放} declined {谢绝} released {释放} reassigned {重新分配} other {如此处理}}。',
    en: 'An assignment that is {status} cannot be {action}.',
    fr: 'Une affectation {status, select, assigned {attribuée} draft {en brouillon} submitted {soumise} declined {refusée} released {libérée} other {à l’état « {status} »}} ne peut pas être {action, select, edited {modifiée} submitted {soumise} reopened {rouverte} declined {refusée} released {libérée} reassigned {réattribuée} other {traitée ainsi}}.',
    ru: 'Назначение в состоянии «{status, select, assigned {назначено} draft {черновик} submitted {отправлено} declined {отклонено} released {освобождено} other {{status}}}» нельзя {action, select, edited {изменить} submitted {отправить} reopened {открыть повторно} declined {отклонить} released {освободить} reassigned {переназначить} other {обработать так}}.',
    es: 'Una asignación {status, select, assigned {asignada} draft {en borrador} submitted {presentada} declined {rechazada} released {liberada} other {en estado «{status}»}} no puede ser {action, select, edited {modificada} submitted {presentada} reopened {reabierta} declined {rechazada} released {liberada} reassigned {reasignada} other {tratada así}}.',
  },
  EVALUATIONS_HIDDEN: {
    ar: 'يُرجى تقديم تقييمكم لهذا الطلب قبل الاطلاع على تقييمات زملائكم.',
    zh: '请先提交您自己对此申请的评审，然后再查看同事的评审。',
    en: "Submit your own evaluation of this application before reading your colleagues'.",
    fr: 'Veuillez soumettre votre propre évaluation de cette candidature avant de consulter celles de vos collègues.',
    ru: 'Прежде чем знакомиться с оценками коллег, отправьте собственную оценку этой заявки.',
    es: 'Presente su propia evaluación de esta solicitud antes de consultar las de sus colegas.',
  },
  EVALUATIONS_PUBLISHED: {
    ar: 'نُشرت دفعة هذه الدعوة؛ ولم يعد بالإمكان تغيير تقييماتها.',
    zh: '此征集的批次已发布，其评审不能再作更改。',
    en: 'The cohort of this call is published; its evaluations can no longer change.',
    fr: 'La cohorte de cet appel est publiée ; ses évaluations ne peuvent plus être modifiées.',
    ru: 'Когорта этого призыва опубликована; оценки по нему больше нельзя изменить.',
    es: 'La cohorte de esta convocatoria está publicada; sus evaluaciones ya no pueden modificarse.',
  },
  NOT_ASSIGNABLE: {
    ar: 'لا تُقيَّم إلا الطلبات المقدَّمة والمؤهَّلة.',
    zh: '只有已提交且符合资格的申请才会接受评审。',
    en: 'Only submitted, eligible applications are evaluated.',
    fr: 'Seules les candidatures soumises et éligibles sont évaluées.',
    ru: 'Оцениваются только поданные и соответствующие требованиям заявки.',
    es: 'Solo se evalúan las solicitudes presentadas y admisibles.',
  },
  NOT_SHORTLISTED: {
    ar: 'لا تُقيَّم في المرحلة {stage} إلا الطلبات التي تنقلها إليها القائمة المختصرة المؤكَّدة.',
    zh: '第 {stage} 阶段只评审经确认的入围名单晋级至该阶段的申请。',
    en: 'Only the applications the confirmed shortlist advances to stage {stage} are evaluated in it.',
    fr: 'Seules les candidatures que la liste restreinte confirmée fait passer à l’étape {stage} y sont évaluées.',
    ru: 'На этапе {stage} оцениваются только заявки, переведённые на него подтверждённым кратким списком.',
    es: 'En la etapa {stage} solo se evalúan las solicitudes que la lista de preselección confirmada hace avanzar a ella.',
  },
  SHORTLIST_NOT_CONFIRMED: {
    ar: 'تُقيَّم المرحلة {stage} بعد تأكيد القائمة المختصرة المنبثقة من المرحلة {previous}.',
    zh: '第 {stage} 阶段须待第 {previous} 阶段的入围名单确认后方可评审。',
    en: 'Stage {stage} is evaluated once the shortlist from stage {previous} is confirmed.',
    fr: 'L’étape {stage} est évaluée une fois confirmée la liste restreinte issue de l’étape {previous}.',
    ru: 'Этап {stage} оценивается после подтверждения краткого списка по итогам этапа {previous}.',
    es: 'La etapa {stage} se evalúa una vez confirmada la lista de preselección de la etapa {previous}.',
  },
  ASSIGNMENT_NOT_YET: {
    ar: 'يُسند المقيّمون بعد إغلاق الدعوة؛ وهذه الدعوة {status, select, draft {مسودة} open {مفتوحة} closed {مغلقة} reviewing {قيد الاستعراض} published {منشورة} archived {مؤرشفة} other {في الحالة «{status}»}}.',
    zh: '评审人须在征集截止后方可分配；此征集{status, select, draft {仍为草稿} open {仍在开放} closed {已截止} reviewing {正在评审} published {已发布} archived {已归档} other {处于“{status}”状态}}。',
    en: 'Evaluators are assigned once the call has closed; this call is {status}.',
    fr: 'Les évaluateurs sont affectés une fois l’appel clos ; cet appel est {status, select, draft {en brouillon} open {ouvert} closed {clos} reviewing {en cours d’examen} published {publié} archived {archivé} other {à l’état « {status} »}}.',
    ru: 'Оценщики назначаются после закрытия призыва; этот призыв {status, select, draft {ещё черновик} open {открыт} closed {закрыт} reviewing {на рассмотрении} published {опубликован} archived {в архиве} other {в состоянии «{status}»}}.',
    es: 'Los evaluadores se asignan una vez cerrada la convocatoria; esta convocatoria está {status, select, draft {en borrador} open {abierta} closed {cerrada} reviewing {en examen} published {publicada} archived {archivada} other {en estado «{status}»}}.',
  },
  EVALUATOR_HAS_ASSIGNMENTS: {
    ar: 'يُرجى أولًا إلغاء إسناد مهامه أو إعادة إسنادها.',
    zh: '请先释放或重新分配其评审任务。',
    en: 'Release or reassign its assignments first.',
    fr: 'Veuillez d’abord libérer ou réattribuer ses affectations.',
    ru: 'Сначала освободите или переназначьте его назначения.',
    es: 'Primero libere o reasigne sus asignaciones.',
  },
  NOT_ON_YOUR_PANEL: {
    ar: 'لستم عضوًا في فريق التقييم لهذه الدعوة.',
    zh: '您不在此征集的评审小组中。',
    en: 'You are not on the panel of this call.',
    fr: 'Vous ne faites pas partie du comité d’évaluation de cet appel.',
    ru: 'Вы не входите в группу оценки этого призыва.',
    es: 'Usted no forma parte del comité de evaluación de esta convocatoria.',
  },
  OWN_CONFLICTS_ONLY: {
    ar: 'يُرجى الإعلان عن حالات التضارب الخاصة بكم فقط.',
    zh: '请仅申报您本人的利益冲突。',
    en: 'Declare only your own conflicts.',
    fr: 'Veuillez ne déclarer que vos propres conflits d’intérêts.',
    ru: 'Заявляйте только о собственных конфликтах интересов.',
    es: 'Declare únicamente sus propios conflictos de intereses.',
  },
});

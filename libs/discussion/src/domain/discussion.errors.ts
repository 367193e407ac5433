import { DomainError, PLATFORM_ERRORS, declareDetails, declareErrors, problemDetail } from '@app/platform/errors';

/** The codes discussion raises, with the status and title the HTTP edge answers them with. */
export const DISCUSSION_ERRORS = declareErrors({
  DISCUSSION_AFTER_SUBMISSION: {
    status: 403,
    title: {
      ar: 'تُفتح المناقشة بعد تقديم تقييمكم',
      zh: '提交您的评审后，讨论即会开放',
      en: 'The discussion opens once your evaluation is submitted',
      fr: 'La discussion s’ouvre une fois votre évaluation soumise',
      ru: 'Обсуждение откроется после представления вашей оценки',
      es: 'El debate se abre una vez presentada su evaluación',
    },
  },
  NOT_POST_AUTHOR: {
    status: 403,
    title: {
      ar: 'لا يجوز تعديل المشاركة إلا لكاتبها',
      zh: '只有作者本人可以编辑帖子',
      en: 'Only its author can edit a post',
      fr: 'Seul son auteur peut modifier un message',
      ru: 'Редактировать сообщение может только его автор',
      es: 'Solo su autor puede modificar una publicación',
    },
  },
});

/** An assigned evaluator asks for the thread before submitting: independence first. */
export class DiscussionAfterSubmissionError extends DomainError {
  constructor() {
    super(DISCUSSION_ERRORS.DISCUSSION_AFTER_SUBMISSION, problemDetail(DISCUSSION_DETAILS.DISCUSSION_AFTER_SUBMISSION));
  }
}

export class NotPostAuthorError extends DomainError {
  constructor() {
    super(DISCUSSION_ERRORS.NOT_POST_AUTHOR, problemDetail(DISCUSSION_DETAILS.NOT_POST_AUTHOR));
  }
}

/** After publication a thread is a record: nothing is posted or edited. */
export class DiscussionFrozenError extends DomainError {
  constructor() {
    super(PLATFORM_ERRORS.COHORT_PUBLISHED, problemDetail(DISCUSSION_DETAILS.DISCUSSION_FROZEN));
  }
}

/** The details of this context's problems in each language (problem+json `detail`, by Accept-Language). */
export const DISCUSSION_DETAILS = declareDetails({
  'NOT_FOUND.Post': {
    ar: 'لم يُعثر على المشاركة.',
    zh: '未找到该留言。',
    en: 'Post not found.',
    fr: 'Message introuvable.',
    ru: 'Сообщение не найдено.',
    es: 'No se ha encontrado el mensaje.',
  },
  DISCUSSION_AFTER_SUBMISSION: {
    ar: 'يُرجى تقديم تقييمكم لهذا الطلب قبل الاطلاع على المناقشة بشأنه أو المشاركة فيها.',
    zh: '请先提交您自己对此申请的评审，然后再查看或参与其讨论。',
    en: 'Submit your own evaluation of this application before reading or joining its discussion.',
    fr: 'Veuillez soumettre votre propre évaluation de cette candidature avant de consulter sa discussion ou d’y prendre part.',
    ru: 'Прежде чем читать обсуждение этой заявки или участвовать в нём, отправьте собственную оценку.',
    es: 'Presente su propia evaluación de esta solicitud antes de consultar su debate o participar en él.',
  },
  NOT_POST_AUTHOR: {
    ar: 'لا يجوز تعديل المشاركة إلا لكاتبها.',
    zh: '只有留言的作者才能编辑该留言。',
    en: 'Only the author of a post can edit it.',
    fr: 'Seul l’auteur d’un message peut le modifier.',
    ru: 'Изменить сообщение может только его автор.',
    es: 'Solo el autor de un mensaje puede editarlo.',
  },
  DISCUSSION_FROZEN: {
    ar: 'نُشرت دفعة هذه الدعوة؛ وأُغلقت المناقشات بشأنها.',
    zh: '此征集的批次已发布，其讨论已关闭。',
    en: 'The cohort of this call is published; its discussions are closed.',
    fr: 'La cohorte de cet appel est publiée ; ses discussions sont closes.',
    ru: 'Когорта этого призыва опубликована; обсуждения по нему закрыты.',
    es: 'La cohorte de esta convocatoria está publicada; sus debates están cerrados.',
  },
});

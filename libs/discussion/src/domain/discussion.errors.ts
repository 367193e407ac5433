import { DomainError, PLATFORM_ERRORS, declareErrors } from '@app/platform/errors';

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
    super(
      DISCUSSION_ERRORS.DISCUSSION_AFTER_SUBMISSION,
      'Submit your own evaluation of this application before reading or joining its discussion.',
    );
  }
}

export class NotPostAuthorError extends DomainError {
  constructor() {
    super(DISCUSSION_ERRORS.NOT_POST_AUTHOR, 'Only the author of a post can edit it.');
  }
}

/** After publication a thread is a record: nothing is posted or edited. */
export class DiscussionFrozenError extends DomainError {
  constructor() {
    super(PLATFORM_ERRORS.COHORT_PUBLISHED, 'The cohort of this call is published; its discussions are closed.');
  }
}

import { declareDetails } from './problem-details';

/**
 * What INVALID_TRANSITION names, from the state machines of the contexts: the entity, the state it is
 * in and the action refused, each a key with its English words. The English detail is made from these
 * words ("A call that is archived cannot be opened."); the other languages say each key by `select`.
 * A word no state machine uses yet is said as it is in English, and as it is in the other languages too.
 */
export const TRANSITION_WORDS = {
  entity: {
    call: 'call',
    cohort: 'cohort',
    offer: 'offer',
    agreement: 'cooperation agreement',
    application: 'application',
    clarification: 'clarification request',
    user: 'user',
  },
  state: {
    draft: 'draft',
    open: 'open',
    closed: 'closed',
    reviewing: 'reviewing',
    published: 'published',
    archived: 'archived',
    proposed: 'proposed',
    approved: 'approved',
    offered: 'offered',
    accepted: 'accepted',
    declined: 'declined',
    confirmed: 'confirmed',
    expired: 'expired',
    withdrawn: 'withdrawn',
    issued: 'issued',
    signed: 'signed',
    countersigned: 'countersigned',
    void: 'void (its centre was withdrawn)',
    submitted: 'submitted',
    selected: 'selected',
    waitlisted: 'waitlisted',
    not_selected: 'not_selected',
    withdrawn_from_cohort: 'withdrawn_from_cohort',
    sent: 'sent',
    answered: 'answered',
    applicant: 'an applicant',
  },
  action: {
    opened: 'opened',
    closed: 'closed',
    putUnderReview: 'put under review',
    published: 'published',
    archived: 'archived',
    givenCohortProposal: 'given a cohort proposal',
    amended: 'amended',
    approved: 'approved',
    drawnByLot: 'drawn by lot',
    accepted: 'accepted',
    declined: 'declined',
    confirmed: 'confirmed',
    signed: 'signed',
    returned: 'returned',
    countersigned: 'countersigned',
    withdrawn: 'withdrawn',
    givenEligibilityDecision: 'given an eligibility decision (only submitted ones are)',
    askedQuestion: 'asked a question (only submitted ones are)',
    answeredFor: 'answered for',
    sent: 'sent',
    answered: 'answered',
    givenStaffRole: 'given a staff role',
  },
} as const;

export type TransitionPart = keyof typeof TRANSITION_WORDS;

/** The key of an English word of a transition, or the word itself when no state machine declared it. */
export function transitionKey(part: TransitionPart, english: string): string {
  const words: Record<string, string> = TRANSITION_WORDS[part];
  return Object.keys(words).find((key) => words[key] === english) ?? english;
}

function englishSelect(part: TransitionPart): string {
  const cases = Object.entries(TRANSITION_WORDS[part]).map(([key, words]) => `${key} {${words}}`);
  return `{${part}, select, ${cases.join(' ')} other {{${part}}}}`;
}

/** Only submitted applications are given an eligibility decision or asked a question: said after the refusal. */
const ONLY_SUBMITTED = (text: string) =>
  `{action, select, givenEligibilityDecision {${text}} askedQuestion {${text}} other {}}`;

export const TRANSITION_DETAILS = declareDetails({
  INVALID_TRANSITION: {
    ar:
      'لا يمكن تنفيذ الإجراء «{action, select, opened {الفتح} closed {الإغلاق} putUnderReview {بدء الاستعراض} published {النشر} archived {الأرشفة} givenCohortProposal {اقتراح دفعة} amended {التعديل} approved {الاعتماد} drawnByLot {إجراء القرعة} accepted {القبول} declined {الرفض} confirmed {التأكيد} signed {التوقيع} returned {الإرجاع} countersigned {التوقيع المقابل} withdrawn {السحب} givenEligibilityDecision {البتّ في الأهلية} askedQuestion {طرح سؤال} answeredFor {الرد على طلب الإيضاح} sent {الإرسال} answered {الرد} givenStaffRole {منح دور موظف} other {{action}}}»' +
      ' على {entity, select, call {هذه الدعوة} cohort {هذه الدفعة} offer {هذا العرض} agreement {اتفاق التعاون هذا} application {هذا الطلب} clarification {طلب الإيضاح هذا} user {هذا المستخدم} other {هذا العنصر}}' +
      ' في الحالة «{state, select, draft {مسودة} open {مفتوحة} closed {مغلقة} reviewing {قيد الاستعراض} published {منشورة} archived {مؤرشفة} proposed {مقترحة} approved {معتمدة} offered {معروض} accepted {مقبول} declined {مرفوض} confirmed {مؤكَّد} expired {منتهي الصلاحية} withdrawn {مسحوب} issued {صادر} signed {موقَّع} countersigned {موقَّع من الطرفين} void {لاغٍ لسحب مركزه} submitted {مقدَّم} selected {مختار} waitlisted {على قائمة الانتظار} not_selected {غير مختار} withdrawn_from_cohort {مسحوب من الدفعة} sent {مُرسَل} answered {تم الرد عليه} applicant {مقدِّم طلب} other {{state}}}»' +
      ONLY_SUBMITTED('؛ إذ لا يتاح ذلك إلا للطلبات المقدَّمة') +
      '.',
    zh:
      '处于“{state, select, draft {草稿} open {开放} closed {已截止} reviewing {评审中} published {已发布} archived {已归档} proposed {已提议} approved {已批准} offered {已发出} accepted {已接受} declined {已谢绝} confirmed {已确认} expired {已过期} withdrawn {已撤回} issued {已签发} signed {已签署} countersigned {已会签} void {已失效（其中心已被撤出）} submitted {已提交} selected {已入选} waitlisted {候补} not_selected {未入选} withdrawn_from_cohort {已撤出批次} sent {已发送} answered {已答复} applicant {申请人} other {{state}}}”状态的' +
      '{entity, select, call {征集} cohort {批次} offer {邀约} agreement {合作协议} application {申请} clarification {澄清请求} user {用户} other {对象}}' +
      '不能{action, select, opened {开放} closed {截止} putUnderReview {进入评审} published {发布} archived {归档} givenCohortProposal {提出批次提案} amended {修改} approved {批准} drawnByLot {抽签} accepted {接受} declined {谢绝} confirmed {确认} signed {签署} returned {退回} countersigned {会签} withdrawn {撤回} givenEligibilityDecision {作出资格决定} askedQuestion {被提问} answeredFor {代为答复} sent {发送} answered {答复} givenStaffRole {被授予工作人员角色} other {{action}}}' +
      ONLY_SUBMITTED('（只有已提交的申请可以）') +
      '。',
    en: `A ${englishSelect('entity')} that is ${englishSelect('state')} cannot be ${englishSelect('action')}.`,
    fr:
      'Il n’est pas possible {action, select, opened {d’ouvrir} closed {de clôturer} putUnderReview {de passer à l’examen de} published {de publier} archived {d’archiver} givenCohortProposal {de proposer une cohorte pour} amended {de modifier} approved {d’approuver} drawnByLot {de procéder à un tirage au sort pour} accepted {d’accepter} declined {de refuser} confirmed {de confirmer} signed {de signer} returned {de renvoyer} countersigned {de contresigner} withdrawn {de retirer} givenEligibilityDecision {de statuer sur l’éligibilité de} askedQuestion {de poser une question au sujet de} answeredFor {de répondre pour} sent {d’envoyer} answered {de répondre à} givenStaffRole {d’attribuer un rôle du personnel à} other {d’effectuer l’opération « {action} » sur}}' +
      ' {entity, select, call {cet appel} cohort {cette cohorte} offer {cette offre} agreement {cet accord de coopération} application {cette candidature} clarification {cette demande d’éclaircissements} user {cet utilisateur} other {cet élément}}' +
      ' dont le statut est « {state, select, draft {brouillon} open {ouvert} closed {clôturé} reviewing {en cours d’examen} published {publié} archived {archivé} proposed {proposée} approved {approuvée} offered {proposée} accepted {acceptée} declined {refusée} confirmed {confirmée} expired {expirée} withdrawn {retirée} issued {émis} signed {signé} countersigned {contresigné} void {sans effet, son centre ayant été retiré} submitted {soumise} selected {retenue} waitlisted {sur liste d’attente} not_selected {non retenue} withdrawn_from_cohort {retirée de la cohorte} sent {envoyée} answered {traitée} applicant {candidat} other {{state}}} »' +
      ONLY_SUBMITTED(' ; seules les candidatures soumises le permettent') +
      '.',
    ru:
      'Для {entity, select, call {этого призыва} cohort {этой когорты} offer {этого предложения} agreement {этого соглашения о сотрудничестве} application {этой заявки} clarification {этого запроса разъяснений} user {этого пользователя} other {этого объекта}}' +
      ' в статусе «{state, select, draft {черновик} open {открыт} closed {закрыт} reviewing {на рассмотрении} published {опубликован} archived {в архиве} proposed {предложено} approved {утверждено} offered {предложено} accepted {принято} declined {отклонено} confirmed {подтверждено} expired {срок истёк} withdrawn {отозвано} issued {выдано} signed {подписано} countersigned {подписано обеими сторонами} void {недействительно: центр отозван} submitted {подана} selected {отобрана} waitlisted {в листе ожидания} not_selected {не отобрана} withdrawn_from_cohort {отозвана из когорты} sent {отправлен} answered {дан ответ} applicant {заявитель} other {{state}}}»' +
      ' недоступно действие «{action, select, opened {открытие} closed {закрытие} putUnderReview {начало рассмотрения} published {публикация} archived {архивирование} givenCohortProposal {предложение когорты} amended {изменение} approved {утверждение} drawnByLot {жеребьёвка} accepted {принятие} declined {отклонение} confirmed {подтверждение} signed {подписание} returned {возврат} countersigned {подписание второй стороной} withdrawn {отзыв} givenEligibilityDecision {решение о соответствии требованиям} askedQuestion {вопрос заявителю} answeredFor {ответ на запрос} sent {отправка} answered {ответ} givenStaffRole {назначение роли сотрудника} other {{action}}}»' +
      ONLY_SUBMITTED('; оно возможно только для поданных заявок') +
      '.',
    es:
      'No es posible {action, select, opened {abrir} closed {cerrar} putUnderReview {iniciar la evaluación de} published {publicar} archived {archivar} givenCohortProposal {proponer una cohorte para} amended {modificar} approved {aprobar} drawnByLot {realizar un sorteo para} accepted {aceptar} declined {rechazar} confirmed {confirmar} signed {firmar} returned {devolver} countersigned {refrendar} withdrawn {retirar} givenEligibilityDecision {adoptar una decisión de admisibilidad sobre} askedQuestion {formular una pregunta sobre} answeredFor {responder en relación con} sent {enviar} answered {responder a} givenStaffRole {asignar un rol de personal a} other {realizar la operación «{action}» sobre}}' +
      ' {entity, select, call {esta convocatoria} cohort {esta cohorte} offer {esta oferta} agreement {este acuerdo de cooperación} application {esta solicitud} clarification {esta solicitud de aclaración} user {este usuario} other {este elemento}}' +
      ' cuyo estado es «{state, select, draft {borrador} open {abierta} closed {cerrada} reviewing {en evaluación} published {publicada} archived {archivada} proposed {propuesta} approved {aprobada} offered {ofrecida} accepted {aceptada} declined {rechazada} confirmed {confirmada} expired {vencida} withdrawn {retirada} issued {emitido} signed {firmado} countersigned {refrendado} void {sin efecto por haberse retirado su centro} submitted {presentada} selected {seleccionada} waitlisted {en lista de espera} not_selected {no seleccionada} withdrawn_from_cohort {retirada de la cohorte} sent {enviada} answered {respondida} applicant {solicitante} other {{state}}}»' +
      ONLY_SUBMITTED('; solo es posible con las solicitudes presentadas') +
      '.',
  },
});

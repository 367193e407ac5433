import i18n from 'i18next';

/** Why an application is (not) eligible, in the reader's language; the API's English when unknown. */
export function eligibilityReason(reason: { code: string; message: string }): string {
  if (reason.code === 'SECRETARIAT_DECISION') {
    return i18n.t('eligibility.decidedBecause', { ns: 'secretariat', reason: reason.message });
  }
  return i18n.t(`eligibility.reasons.${reason.code}` as 'eligibility.reasons.COUNTRY_NOT_ELIGIBLE', {
    ns: 'secretariat',
    defaultValue: reason.message,
  });
}

import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import { ConfirmedAction } from '../../../shared/ConfirmedAction';
import { formatNumber } from '../../../shared/format';
import type { Cohort } from '../types';
import { CohortProblemAlert } from './CohortProblemAlert';
import { countOf } from './explanations';

/**
 * Approving freezes the proposal and cannot be undone, so it asks first (publishing asks in
 * PublishCohortButton, showing the notices it sends). Approving more members than seats (the API takes
 * it: each member added by hand has its reason) says by how many and asks for an explicit yes.
 */
export function ApproveCohortButton({ cohort }: { cohort: Cohort }) {
  const { t, i18n } = useTranslation('secretariat');
  const path = { params: { path: { id: cohort.id } } };
  // Every proposal records its seats; the schema makes `size` optional as the proposal's request does.
  const seats = cohort.constraints.size ?? cohort.memberCount;
  const excess = cohort.memberCount - seats;
  const overSeats = excess > 0;
  return (
    <ConfirmedAction
      label={t('cohorts.transition.approve.button')}
      title={t('cohorts.transition.approve.title')}
      explanation={t('cohorts.transition.approve.explanation', {
        count: cohort.memberCount,
        members: formatNumber(cohort.memberCount, i18n.language),
      })}
      warning={
        overSeats
          ? t('cohorts.transition.approve.overSeats', {
              count: excess,
              excess: formatNumber(excess, i18n.language),
              members: countOf('members', cohort.memberCount),
              seats: countOf('seats', seats),
            })
          : undefined
      }
      acknowledgement={overSeats ? t('cohorts.transition.approve.acknowledgeOverSeats') : undefined}
      confirmLabel={t('cohorts.transition.approve.confirm')}
      action={() => ok(api.POST('/api/v1/cohorts/{id}/approve', path))}
      renderProblem={(problem) => <CohortProblemAlert problem={problem} callId={cohort.callId} />}
    />
  );
}

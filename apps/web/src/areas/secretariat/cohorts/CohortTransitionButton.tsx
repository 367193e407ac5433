import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import { ConfirmedAction } from '../../../shared/ConfirmedAction';
import { formatNumber } from '../../../shared/format';
import type { Cohort } from '../types';
import { CohortProblemAlert } from './CohortProblemAlert';
import { countOf } from './explanations';

type Transition = 'approve' | 'publish';

/**
 * Approving freezes the proposal; publishing tells every applicant and makes the list public for
 * good. Neither can be undone, so each asks first. Approving more members than seats (the API takes
 * it: each member added by hand has its reason) says by how many and asks for an explicit yes.
 */
export function CohortTransitionButton({ cohort, transition }: { cohort: Cohort; transition: Transition }) {
  const { t, i18n } = useTranslation('secretariat');
  const path = { params: { path: { id: cohort.id } } };
  // Every proposal records its seats; the schema makes `size` optional as the proposal's request does.
  const seats = cohort.constraints.size ?? cohort.memberCount;
  const excess = cohort.memberCount - seats;
  const overSeats = transition === 'approve' && excess > 0;
  return (
    <ConfirmedAction
      label={t(`cohorts.transition.${transition}.button`)}
      title={t(`cohorts.transition.${transition}.title`)}
      explanation={t(`cohorts.transition.${transition}.explanation`, {
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
      confirmLabel={t(`cohorts.transition.${transition}.confirm`)}
      action={() =>
        ok(
          transition === 'approve'
            ? api.POST('/api/v1/cohorts/{id}/approve', path)
            : api.POST('/api/v1/cohorts/{id}/publish', path),
        )
      }
      renderProblem={(problem) => <CohortProblemAlert problem={problem} callId={cohort.callId} />}
    />
  );
}

import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import { ConfirmedAction } from '../../../shared/ConfirmedAction';
import { formatNumber } from '../../../shared/format';
import type { Cohort } from '../types';
import { CohortProblemAlert } from './CohortProblemAlert';

type Transition = 'approve' | 'publish';

/**
 * Approving freezes the proposal; publishing tells every applicant and makes the list public for
 * good. Neither can be undone, so each asks first.
 */
export function CohortTransitionButton({ cohort, transition }: { cohort: Cohort; transition: Transition }) {
  const { t, i18n } = useTranslation('secretariat');
  const path = { params: { path: { id: cohort.id } } };
  return (
    <ConfirmedAction
      label={t(`cohorts.transition.${transition}.button`)}
      title={t(`cohorts.transition.${transition}.title`)}
      explanation={t(`cohorts.transition.${transition}.explanation`, {
        members: formatNumber(cohort.memberCount, i18n.language),
      })}
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

import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import { formatNumber } from '../../../shared/format';
import { EmailPreviewDialog } from '../messages/EmailPreview';
import type { Cohort } from '../types';
import { CohortProblemAlert } from './CohortProblemAlert';

/**
 * Publishing tells every applicant its outcome and cannot be undone: the confirmation shows first the
 * notices as each applicant will read them, per outcome and language.
 */
export function PublishCohortButton({ cohort }: { cohort: Cohort }) {
  const { t, i18n } = useTranslation('secretariat');
  const revalidator = useRevalidator();
  const [opened, { open, close }] = useDisclosure(false);
  const path = { params: { path: { id: cohort.id } } };
  return (
    <>
      <Button onClick={open}>{t('cohorts.transition.publish.button')}</Button>
      <EmailPreviewDialog
        opened={opened}
        onClose={close}
        title={t('cohorts.transition.publish.title')}
        explanation={t('cohorts.transition.publish.explanation', {
          count: cohort.memberCount,
          members: formatNumber(cohort.memberCount, i18n.language),
        })}
        load={() => ok(api.GET('/api/v1/cohorts/{id}/publication-preview', path))}
        confirmLabel={t('cohorts.transition.publish.confirm')}
        onConfirm={async () => {
          await ok(api.POST('/api/v1/cohorts/{id}/publish', path));
          close();
          await revalidator.revalidate();
        }}
        renderProblem={(problem) => <CohortProblemAlert problem={problem} callId={cohort.callId} />}
      />
    </>
  );
}

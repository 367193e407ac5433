import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyAssignment } from './my-assignments';
import { assignmentPath } from './paths';

/** The way on to the next application to evaluate; its label, which names the organisation, wraps on a phone. */
export function NextAssignmentButton({ next }: { next: MyAssignment }) {
  const { t } = useTranslation('evaluator');
  return (
    <Button component={Link} to={assignmentPath(next.id)} h="auto" py={8} styles={{ label: { whiteSpace: 'normal' } }}>
      {t(next.status === 'draft' ? 'assignments.continueNext' : 'assignments.startNext', {
        organisation: next.application.organisationName,
      })}
    </Button>
  );
}

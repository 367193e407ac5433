import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssignmentStatus } from './my-assignments';

/** Dark shades only: the badge's white text keeps AA contrast on each. */
export const ASSIGNMENT_STATUS_COLOURS: Record<AssignmentStatus, string> = {
  assigned: 'violet.9',
  draft: 'blue.9',
  submitted: 'teal.9',
  declined: 'gray.8',
  released: 'gray.8',
};

export function AssignmentStatusBadge({ status }: { status: AssignmentStatus }) {
  const { t } = useTranslation('evaluator');
  return (
    <Badge color={ASSIGNMENT_STATUS_COLOURS[status]} variant="filled">
      {t(`statuses.${status}`)}
    </Badge>
  );
}

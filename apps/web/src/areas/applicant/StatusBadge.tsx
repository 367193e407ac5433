import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../api/types';

/** Dark shades only: the badge's white text keeps AA contrast on each (green.9 and orange.9 do not). */
const COLOURS: Record<Application['status'], string> = {
  draft: 'gray.8',
  submitted: 'blue.9',
  withdrawn: 'gray.8',
  selected: 'teal.9',
  waitlisted: 'violet.9',
  not_selected: 'red.9',
  withdrawn_from_cohort: 'gray.8',
  confirmed: 'teal.9',
  declined: 'red.9',
};

export function StatusBadge({ status }: { status: Application['status'] }) {
  const { t } = useTranslation('applicant');
  return (
    <Badge color={COLOURS[status]} variant="filled">
      {t(`status.${status}`)}
    </Badge>
  );
}

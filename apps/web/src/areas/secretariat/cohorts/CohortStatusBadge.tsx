import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cohort } from '../types';

/** Dark shades only: white text on them keeps WCAG AA contrast (green.9 does not: 4.4 to 1). */
const COLOURS: Record<Cohort['status'], string> = {
  proposed: 'blue.9',
  approved: 'teal.9',
  published: 'violet.9',
};

export function CohortStatusBadge({ status }: { status: Cohort['status'] }) {
  const { t } = useTranslation('secretariat');
  return (
    <Badge color={COLOURS[status]} variant="filled">
      {t(`cohorts.statuses.${status}`)}
    </Badge>
  );
}

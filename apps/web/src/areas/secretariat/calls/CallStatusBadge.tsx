import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../../api/types';

/** Dark shades only: white text on them keeps WCAG AA contrast. */
const COLOURS: Record<Call['status'], string> = {
  draft: 'gray.8',
  open: 'teal.9',
  closed: 'red.9',
  reviewing: 'blue.9',
  published: 'violet.9',
  archived: 'gray.8',
};

export function CallStatusBadge({ status }: { status: Call['status'] }) {
  const { t } = useTranslation('common');
  return (
    <Badge color={COLOURS[status]} variant="filled">
      {t(`callStatuses.${status}`)}
    </Badge>
  );
}

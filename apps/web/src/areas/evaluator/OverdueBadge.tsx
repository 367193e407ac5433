import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Marks late work; a dark red, so that the badge's white text keeps AA contrast. */
export function OverdueBadge({ children }: { children?: string }) {
  const { t } = useTranslation('evaluator');
  return (
    <Badge color="red.9" variant="filled">
      {children ?? t('assignments.overdueBadge')}
    </Badge>
  );
}

import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../api/types';

/** Eligible or not, and whether the secretariat decided it (overriding the call's rules). */
export function EligibilityBadge({ application }: { application: Application }) {
  const { t } = useTranslation('secretariat');
  const { eligibility } = application;
  if (!eligibility) return <Text c="dimmed">—</Text>;
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={eligibility.eligible ? 'teal.9' : 'red.9'} variant="filled">
        {eligibility.eligible ? t('eligibility.eligible') : t('eligibility.ineligible')}
      </Badge>
      {eligibility.overridden && (
        <Text size="xs" c="dimmed">
          {t('eligibility.overridden')}
        </Text>
      )}
    </Group>
  );
}

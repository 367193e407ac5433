import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format';
import type { Calibration } from '../types';

/**
 * Said wherever biases or calibrated scores are shown when the evaluators and applications fall
 * into groups that share no evaluation: the fit cannot compare across them.
 */
export function ComponentsNotice({ calibration }: { calibration: Calibration | null }) {
  const { t, i18n } = useTranslation('secretariat');
  if (!calibration || calibration.connected) return null;
  return (
    <Alert color="orange" variant="light" title={t('calibration.disconnected.title')}>
      <Text inherit>
        {t('calibration.disconnected.text', {
          count: calibration.components,
          formatted: formatNumber(calibration.components, i18n.language),
        })}
      </Text>
    </Alert>
  );
}

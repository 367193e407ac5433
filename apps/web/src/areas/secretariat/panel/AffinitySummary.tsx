import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format';
import type { AutoAssignment } from '../types';

const TWO_DECIMALS = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

/**
 * How well the run matched declared expertise to the applications' topics: the mean affinity of the
 * stage's assignments and the application served worst; with a random draw, its cap and seed, which
 * the audit trail also keeps so that the draw can be recomputed.
 */
export function AffinitySummary({ answer, names }: { answer: AutoAssignment; names: Map<string, string> }) {
  const { t, i18n } = useTranslation('secretariat');
  if (answer.meanAffinity === null) return null;
  const affinity = (value: number) => formatNumber(value, i18n.language, TWO_DECIMALS);
  return (
    <List spacing={4}>
      <List.Item>{t('panel.auto.meanAffinity', { affinity: affinity(answer.meanAffinity) })}</List.Item>
      {answer.worstServed && (
        <List.Item>
          {t('panel.auto.worstServed', {
            application: names.get(answer.worstServed.applicationId) ?? answer.worstServed.applicationId,
            affinity: affinity(answer.worstServed.meanAffinity),
          })}
        </List.Item>
      )}
      {answer.seed !== null && answer.maxPairProbability !== null && (
        <List.Item>
          <Text span>
            {t('panel.auto.randomised', {
              cap: formatNumber(answer.maxPairProbability, i18n.language),
              seed: String(answer.seed),
            })}
          </Text>
        </List.Item>
      )}
    </List>
  );
}

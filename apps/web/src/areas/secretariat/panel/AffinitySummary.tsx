import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format';
import type { AutoAssignment } from '../types';
import { AFFINITY_FORMAT } from './ProposalTable';

/**
 * How well the run matched declared expertise to the applications' topics: the mean affinity of the
 * stage's assignments and the application served worst; with a random draw, its cap and seed, which
 * the audit trail also keeps so that the draw can be recomputed (a preview's seed repeats its draw).
 */
export function AffinitySummary({ answer, names }: { answer: AutoAssignment; names: Map<string, string> }) {
  const { t, i18n } = useTranslation('secretariat');
  if (answer.meanAffinity === null) return null;
  const affinity = (value: number) => formatNumber(value, i18n.language, AFFINITY_FORMAT);
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
            {t(answer.dryRun ? 'panel.auto.randomisedPreview' : 'panel.auto.randomised', {
              cap: formatNumber(answer.maxPairProbability, i18n.language),
              seed: String(answer.seed),
            })}
          </Text>
        </List.Item>
      )}
    </List>
  );
}

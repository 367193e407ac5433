import { Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatScore } from '../../../shared/format';
import { EmptyState } from '../../../shared/States';
import type { Calibration, EvaluatorConfidence, MarkingDistribution } from '../types';
import { componentNumber, formatBias } from './calibration';
import { DistributionChart } from './DistributionChart';

/** The confidence counts of an evaluator, from the least sure. */
const CONFIDENCE_COUNTS = ['low', 'medium', 'high', 'notStated'] as const;

/**
 * How each evaluator marks beside the whole call, most lenient first: the chart shows who stands
 * apart, the table gives the figures (and is what a screen reader reads). On a calibrated stage,
 * each evaluator's bias as the fit estimates it, and its group of the evaluator–application graph.
 */
export function EvaluatorDistribution({
  distribution,
  confidence,
  calibration,
}: {
  distribution: MarkingDistribution;
  /** How confident each evaluator said it was, beside its marks. */
  confidence: EvaluatorConfidence[];
  /** The stage's fit, when it is calibrated and has been scored. */
  calibration: Calibration | null;
}) {
  const { t, i18n } = useTranslation('secretariat');
  const { items, callMean, callStdDev } = distribution;
  const confidenceOf = new Map(confidence.map((c) => [c.evaluatorId, c]));
  const stated = (evaluatorId: string) => {
    const counts = confidenceOf.get(evaluatorId);
    if (!counts) return '—';
    return CONFIDENCE_COUNTS.filter((level) => counts[level] > 0)
      .map((level) =>
        t('scoring.distribution.confidenceCount', {
          level: t(`scoring.distribution.confidenceLevels.${level}`),
          count: formatNumber(counts[level], i18n.language),
        }),
      )
      .join(' · ');
  };
  const score = (value: number) => formatScore(value, i18n.language);
  const calibrated = items.some((item) => item.calibration !== null);
  const difference = (mean: number) =>
    callMean === null
      ? '—'
      : formatNumber(mean - callMean, i18n.language, {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
          signDisplay: 'exceptZero',
        });
  return (
    <section aria-labelledby="distribution">
      <Title order={2} id="distribution" mb="sm">
        {t('scoring.distribution.title')}
      </Title>
      {items.length === 0 || callMean === null ? (
        <EmptyState>{t('scoring.distribution.none')}</EmptyState>
      ) : (
        <>
          <Text mb="sm">
            {t('scoring.distribution.call', { mean: score(callMean), stdDev: score(callStdDev ?? 0) })}
          </Text>
          <DistributionChart items={items} callMean={callMean} />
          <Group gap="lg" mt="xs" mb="md" aria-hidden>
            <Text size="sm">{t('scoring.distribution.legendRange')}</Text>
            <Text size="sm">{t('scoring.distribution.legendMean')}</Text>
            <Text size="sm">{t('scoring.distribution.legendCallMean')}</Text>
          </Group>
          {calibrated && (
            <Text size="sm" mb="sm">
              {t('scoring.distribution.biasExplanation')}
              {calibration && !calibration.connected && (
                <>
                  {' '}
                  {t('calibration.disconnected.text', {
                    count: calibration.components,
                    formatted: formatNumber(calibration.components, i18n.language),
                  })}
                </>
              )}
            </Text>
          )}
          <Table.ScrollContainer minWidth={calibrated ? 900 : 700}>
            <Table striped withTableBorder verticalSpacing="xs" captionSide="top">
              <Table.Caption>{t('scoring.distribution.caption', { count: items.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('scoring.distribution.evaluator')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('scoring.distribution.evaluations')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('scoring.distribution.mean')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('scoring.distribution.difference')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('scoring.distribution.stdDev')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('scoring.distribution.min')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('scoring.distribution.max')}
                  </Table.Th>
                  {calibrated && (
                    <>
                      <Table.Th scope="col" ta="end">
                        {t('scoring.distribution.bias')}
                      </Table.Th>
                      <Table.Th scope="col" ta="end">
                        {t('scoring.distribution.group')}
                      </Table.Th>
                    </>
                  )}
                  <Table.Th scope="col">{t('scoring.distribution.confidence')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.evaluatorId}>
                    <Table.Th scope="row" fw={600}>
                      {item.displayName}
                    </Table.Th>
                    <Table.Td ta="end">{formatNumber(item.evaluations, i18n.language)}</Table.Td>
                    <Table.Td ta="end">{score(item.mean)}</Table.Td>
                    <Table.Td ta="end">{difference(item.mean)}</Table.Td>
                    <Table.Td ta="end">{score(item.stdDev)}</Table.Td>
                    <Table.Td ta="end">{score(item.min)}</Table.Td>
                    <Table.Td ta="end">{score(item.max)}</Table.Td>
                    {calibrated && (
                      <>
                        <Table.Td ta="end">
                          {item.calibration ? formatBias(item.calibration.bias, i18n.language) : '—'}
                        </Table.Td>
                        <Table.Td ta="end">
                          {item.calibration ? componentNumber(item.calibration.component, i18n.language) : '—'}
                        </Table.Td>
                      </>
                    )}
                    <Table.Td>{stated(item.evaluatorId)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </section>
  );
}

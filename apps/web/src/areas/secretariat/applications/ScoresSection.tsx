import { Badge, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../../api/types';
import { FactList } from '../../../shared/FactList';
import { formatNumber, formatScore } from '../../../shared/format';
import type { ApplicationScores } from './review';

/** The application's figures as the ranking has them: final, raw and normalised scores, rank, disagreement. */
export function ScoresSection({ scores, call }: { scores: ApplicationScores | null; call: Call }) {
  const { t, i18n } = useTranslation('secretariat');
  const score = (value: number) => formatScore(value, i18n.language);
  const normalised = call.scoring.normalization !== 'none';
  return (
    <section aria-labelledby="scores">
      <Title order={2} id="scores" mb="sm">
        {t('application.scores.title')}
      </Title>
      {scores === null ? (
        <Text c="dimmed">{t('application.scores.none')}</Text>
      ) : (
        <Paper withBorder p="lg" radius="md">
          <FactList
            cols={{ base: 1, xs: 2, md: 4 }}
            facts={[
              [
                t('application.scores.rank'),
                scores.rank === null ? t('application.scores.unranked') : formatNumber(scores.rank, i18n.language),
              ],
              [t('application.scores.final'), <strong key="final">{score(scores.score)}</strong>],
              [t('application.scores.raw'), score(scores.rawScore)],
              ...(normalised
                ? [[t('application.scores.normalised'), score(scores.normalizedScore)] as [string, ReactNode]]
                : []),
              [t('application.scores.evaluations'), formatNumber(scores.evaluationCount, i18n.language)],
              [t('application.scores.spread'), score(scores.spread)],
              [t('application.scores.stdDev'), score(scores.stdDev)],
              [
                t('application.scores.moderation'),
                scores.needsModeration ? (
                  <Badge color="red.9" variant="filled">
                    {t('application.scores.needsModeration')}
                  </Badge>
                ) : (
                  t('application.scores.agreed')
                ),
              ],
            ]}
          />
          <Text size="sm" c="dimmed" mt="sm">
            {t(`application.scores.explanation.${call.scoring.normalization}`)}
          </Text>
        </Paper>
      )}
    </section>
  );
}

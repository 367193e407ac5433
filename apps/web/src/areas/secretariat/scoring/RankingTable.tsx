import { Badge, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../api/types';
import { countryName, formatNumber } from '../../../shared/format';
import { EmptyState } from '../../../shared/States';
import { formatScore } from '../format';
import classes from '../secretariat.module.css';
import type { RankingItem } from '../types';

/** The ranked applications, best first, with what their score is made of and where evaluators disagree. */
export function RankingTable({ ranking }: { ranking: RankingItem[] }) {
  const { t, i18n } = useTranslation(['secretariat', 'common']);
  const score = (value: number) => formatScore(value, i18n.language);
  const flagged = ranking.filter((item) => item.needsModeration).length;
  const columns = [
    'rank',
    'organisation',
    'country',
    'region',
    'score',
    'raw',
    'normalised',
    'evaluations',
    'spread',
    'stdDev',
    'moderation',
  ] as const;
  const numeric = new Set<string>(['rank', 'score', 'raw', 'normalised', 'evaluations', 'spread', 'stdDev']);
  return (
    <section aria-labelledby="ranking">
      <Title order={2} id="ranking" mb="sm">
        {t('scoring.ranking.title')}
      </Title>
      {ranking.length === 0 ? (
        <EmptyState>{t('scoring.ranking.none')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table withTableBorder verticalSpacing="xs" captionSide="top">
            <Table.Caption>
              {t('scoring.ranking.caption', { count: ranking.length })}{' '}
              {t('scoring.ranking.flagged', { count: flagged })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column} scope="col" ta={numeric.has(column) ? 'right' : undefined}>
                    {t(`scoring.ranking.${column}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ranking.map((item) => (
                <Table.Tr key={item.applicationId} className={item.needsModeration ? classes.flaggedRow : undefined}>
                  <Table.Td ta="right">{formatNumber(item.rank, i18n.language)}</Table.Td>
                  <Table.Th scope="row" fw={600}>
                    {item.organisation.name}
                  </Table.Th>
                  <Table.Td>{countryName(item.organisation.countryCode, i18n.language)}</Table.Td>
                  <Table.Td>{t(`common:regions.${item.organisation.region as Region}`)}</Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {score(item.score)}
                  </Table.Td>
                  <Table.Td ta="right">{score(item.rawScore)}</Table.Td>
                  <Table.Td ta="right">{score(item.normalizedScore)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(item.evaluationCount, i18n.language)}</Table.Td>
                  <Table.Td ta="right">{score(item.spread)}</Table.Td>
                  <Table.Td ta="right">{score(item.stdDev)}</Table.Td>
                  <Table.Td>
                    {item.needsModeration && (
                      <Badge color="red.9" variant="outline">
                        {t('scoring.ranking.needsModeration')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

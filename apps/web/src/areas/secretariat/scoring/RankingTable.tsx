import { Anchor, Badge, Box, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Fragment } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Region } from '../../../api/types';
import { countryName, formatNumber, formatScore } from '../../../shared/format';
import { EmptyState } from '../../../shared/States';
import { callPath, useCall } from '../call/call-route';
import { ListSearchInput } from '../ListSearchInput';
import classes from '../secretariat.module.css';
import { SortableHeader } from '../SortableHeader';
import { stageSettings } from '../stages/stages';
import type { Calibration } from '../types';
import { intervalsStatus } from './calibration';
import { UncertaintyCells } from './UncertaintyCells';
import { ComponentsNotice } from './ComponentsNotice';
import {
  PAGE_PARAMETER,
  RANKING_PAGE_SIZE,
  SEARCH_PARAMETER,
  SORT_PARAMETER,
  COLUMN_SORT_KEYS,
  type RankingPage,
} from './ranking-view';
import { useRevalidateEvery } from './useRevalidateEvery';

/** Rank intervals are computed by a job after the scores: followed until they are current. */
const INTERVALS_POLL_MILLISECONDS = 5000;

type Column = keyof typeof COLUMN_SORT_KEYS | 'region' | 'moderation' | 'interval' | 'chance';

const NUMERIC = new Set<Column>([
  'rank',
  'score',
  'raw',
  'normalised',
  'interval',
  'chance',
  'evaluations',
  'spread',
  'stdDev',
]);

/**
 * The ranked applications, best first, with what their score is made of and where evaluators disagree.
 * The score shown first is the one that ranks: the raw mean on a call without normalisation, the
 * normalised score (beside the raw one) on a call that normalises. A line follows the last of the
 * call's seats (in the last stage, whose ranking the cohort is drawn from). The column headers sort
 * the ranking on the server; a measure's first press shows its largest first. A calibrated stage
 * also shows how sure each rank is: its 90% interval and its chance of a seat, once computed.
 */
export function RankingTable({
  ranking: { items: ranking, total, view },
  stage,
  calibration,
}: {
  ranking: RankingPage;
  stage: number;
  /** The stage's fit, when it is calibrated and has been scored. */
  calibration: Calibration | null;
}) {
  const { t, i18n } = useTranslation(['secretariat', 'common']);
  const call = useCall();
  const { scoring, last } = stageSettings(call, stage);
  const seats = call.cohortSize;
  const score = (value: number) => formatScore(value, i18n.language);
  const flagged = ranking.filter((item) => item.needsModeration).length;
  const paged = total > RANKING_PAGE_SIZE;
  const byRank = view.search === '' && view.sort === 'rank';
  const normalised = scoring.normalization !== 'none';
  const calibrated = scoring.normalization === 'calibrated';
  const intervals = intervalsStatus(calibration, ranking);
  useRevalidateEvery(INTERVALS_POLL_MILLISECONDS, calibrated && total > 0 && intervals !== 'current');
  const columns: Column[] = [
    'rank',
    'organisation',
    'country',
    'region',
    ...(normalised ? (['normalised', 'raw'] as const) : (['score'] as const)),
    ...(calibrated ? (['interval', 'chance'] as const) : []),
    'evaluations',
    'spread',
    'stdDev',
    'moderation',
  ];
  const sortedColumn = columns.find((column) => sortKeyOf(column) === view.sort.replace(/^-/, ''));
  // Ranks are contiguous only in rank order; the line is drawn when there is someone below it.
  const lineAfter = last && byRank && seats < total ? seats : null;
  return (
    <section aria-labelledby="ranking">
      <Title order={2} id="ranking" mb="sm">
        {t('scoring.ranking.title')}
      </Title>
      {/* Nothing to search before anything is ranked. */}
      {(total > 0 || view.search !== '') && (
        <Box mb="md">
          <ListSearchInput
            label={t('scoring.ranking.search')}
            description={t('scoring.ranking.searchHint')}
            parameter={SEARCH_PARAMETER}
            pageParameter={PAGE_PARAMETER}
            value={view.search}
          />
        </Box>
      )}
      {calibrated && ranking.length > 0 && (
        <Stack gap="xs" mb="md">
          <ComponentsNotice calibration={calibration} />
          <Text size="sm">
            {t('scoring.ranking.uncertainty.explanation', {
              count: seats,
              formatted: formatNumber(seats, i18n.language),
            })}
          </Text>
          {intervals !== 'current' && (
            // A live region: the note goes once the job has computed the intervals and the page reloads them.
            <Text size="sm" fw={600} aria-live="polite">
              {t(`scoring.ranking.uncertainty.${intervals}`)}
            </Text>
          )}
        </Stack>
      )}
      {ranking.length === 0 ? (
        <EmptyState>{view.search ? t('scoring.ranking.noneFound') : t('scoring.ranking.none')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={calibrated ? 1100 : 1000}>
          <Table withTableBorder verticalSpacing="xs" captionSide="top">
            <Table.Caption>
              {byRank
                ? t('scoring.ranking.caption', { count: total })
                : t('scoring.ranking.captionSorted', {
                    count: total,
                    column: sortedColumn ? t(`scoring.ranking.${sortedColumn}`) : '',
                    direction: t(
                      `scoring.ranking.sortDirection.${view.sort.startsWith('-') ? 'descending' : 'ascending'}`,
                    ),
                  })}{' '}
              {!paged
                ? t('scoring.ranking.flagged', { count: flagged })
                : byRank
                  ? t('scoring.ranking.flaggedOnPage', {
                      count: flagged,
                      first: formatNumber(ranking[0]?.rank ?? 0, i18n.language),
                      last: formatNumber(ranking.at(-1)?.rank ?? 0, i18n.language),
                    })
                  : t('scoring.ranking.flaggedShown', { count: flagged })}{' '}
              {t(`scoring.ranking.rankedBy.${scoring.normalization}`)}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => {
                  const sortKey = sortKeyOf(column);
                  const ta = NUMERIC.has(column) ? 'end' : undefined;
                  return sortKey ? (
                    <SortableHeader
                      key={column}
                      label={t(`scoring.ranking.${column}`)}
                      sortKey={sortKey}
                      sort={view.sort}
                      defaultSort="rank"
                      parameter={SORT_PARAMETER}
                      pageParameter={PAGE_PARAMETER}
                      ta={ta}
                      firstOrder={NUMERIC.has(column) && column !== 'rank' ? 'descending' : 'ascending'}
                    />
                  ) : (
                    <Table.Th key={column} scope="col" ta={ta}>
                      {t(`scoring.ranking.${column}`)}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ranking.map((item) => (
                <Fragment key={item.applicationId}>
                  <Table.Tr className={item.needsModeration ? classes.flaggedRow : undefined}>
                    <Table.Td ta="end">{formatNumber(item.rank, i18n.language)}</Table.Td>
                    <Table.Th scope="row" fw={600}>
                      <Anchor component={Link} to={callPath(call.id, `applications/${item.applicationId}`)} fw={600}>
                        {item.organisation.name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{countryName(item.organisation.countryCode, i18n.language)}</Table.Td>
                    <Table.Td>{t(`common:regions.${item.organisation.region as Region}`)}</Table.Td>
                    <Table.Td ta="end" fw={700}>
                      {score(item.score)}
                    </Table.Td>
                    {normalised && <Table.Td ta="end">{score(item.rawScore)}</Table.Td>}
                    {calibrated && <UncertaintyCells uncertainty={item.uncertainty} />}
                    <Table.Td ta="end">{formatNumber(item.evaluationCount, i18n.language)}</Table.Td>
                    <Table.Td ta="end">{score(item.spread)}</Table.Td>
                    <Table.Td ta="end">{score(item.stdDev)}</Table.Td>
                    <Table.Td>
                      {item.needsModeration && (
                        <Badge color="red.9" variant="outline">
                          {t('scoring.ranking.needsModeration')}
                        </Badge>
                      )}
                      {item.consensusScore !== null && (
                        <Badge color="blue.9" variant="outline">
                          {t('scoring.ranking.consensus', { score: score(item.consensusScore) })}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {item.rank === lineAfter && (
                    <Table.Tr className={classes.seatsLine}>
                      <Table.Td colSpan={columns.length}>
                        {t('scoring.ranking.seatsLine', {
                          count: seats,
                          formatted: formatNumber(seats, i18n.language),
                        })}
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {paged && <RankingPager page={view.page} pages={Math.ceil(total / RANKING_PAGE_SIZE)} />}
    </section>
  );
}

/** Pages of the ranking, kept in the address so that a page can be reloaded and shared. */
function RankingPager({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation('secretariat');
  const [params, setParams] = useSearchParams();
  const show = (next: number) => {
    const changed = new URLSearchParams(params);
    changed.set(PAGE_PARAMETER, String(next));
    setParams(changed);
  };
  return (
    <Pagination
      component="nav"
      aria-label={t('scoring.ranking.pages')}
      mt="md"
      value={page}
      total={pages}
      onChange={show}
      getItemProps={(item) => ({ 'aria-label': t('scoring.ranking.page', { page: item, pages }) })}
      getControlProps={(control) => ({ 'aria-label': t(`scoring.ranking.${control}`) })}
    />
  );
}

function sortKeyOf(column: Column): string | undefined {
  return column in COLUMN_SORT_KEYS ? COLUMN_SORT_KEYS[column as keyof typeof COLUMN_SORT_KEYS] : undefined;
}

import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import { requireStaff } from '../access';
import { useCall } from '../call/call-route';
import { SectionTitle } from '../call/SectionTitle';
import { ExportButtons } from '../ExportButtons';
import { EvaluatorDistribution } from './EvaluatorDistribution';
import { FullRun } from './FullRun';
import { RankingTable } from './RankingTable';
import { rankingQuery, readRankingView, type RankingView } from './ranking-view';
import { ScoringStatusPanel } from './ScoringStatusPanel';

export async function scoringLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const path = { params: { path: { id: params.callId ?? '' } } };
  const rankingView = readRankingView(new URL(request.url).searchParams);
  const [status, ranking, distribution, confidence] = await Promise.all([
    ok(api.GET('/api/v1/calls/{id}/scoring-status', path)),
    ok(api.GET('/api/v1/calls/{id}/ranking', { params: { ...path.params, query: rankingQuery(rankingView) } })),
    ok(api.GET('/api/v1/calls/{id}/evaluator-statistics', path)),
    // A panel is far smaller than the API's largest page.
    ok(api.GET('/api/v1/calls/{id}/evaluator-confidence', { params: { ...path.params, query: { limit: 500 } } })),
  ]);
  return { status, ranking: { ...ranking, view: rankingView }, distribution, confidence: confidence.items };
}

/** The ranking's search and order without its page: what an export of the ranking holds. */
function rankingExportQuery(view: RankingView) {
  const { limit: _limit, offset: _offset, ...query } = rankingQuery(view);
  return query;
}

/** The call's results: whether they are current, a full recomputation, the ranking and how each evaluator marks. */
export function ScoringPage() {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const { status, ranking, distribution, confidence } = useLoaderData<typeof scoringLoader>();
  return (
    <>
      <SectionTitle title={t('call.section.scoring')} call={call} />
      <Stack gap="xl">
        <Stack gap="md">
          <ScoringStatusPanel status={status} />
          <FullRun />
        </Stack>
        <Stack gap="sm">
          <RankingTable ranking={ranking} />
          {ranking.total > 0 && <ExportButtons table="ranking" query={rankingExportQuery(ranking.view)} />}
          <ExportButtons table="evaluations" query={{}} />
        </Stack>
        <EvaluatorDistribution distribution={distribution} confidence={confidence} />
      </Stack>
    </>
  );
}

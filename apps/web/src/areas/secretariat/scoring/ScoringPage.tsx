import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import { requireStaff } from '../access';
import { useCall } from '../call/call-route';
import { SectionTitle } from '../call/SectionTitle';
import { ExportButtons } from '../ExportButtons';
import { StageSelector } from '../stages/StageSelector';
import { readStage, stageQuery } from '../stages/stages';
import { EvaluatorDistribution } from './EvaluatorDistribution';
import { FullRun } from './FullRun';
import { RankingTable } from './RankingTable';
import { rankingQuery, readRankingView, type RankingView } from './ranking-view';
import { ScoringStatusPanel } from './ScoringStatusPanel';

export async function scoringLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const path = { params: { path: { id: params.callId ?? '' } } };
  const search = new URL(request.url).searchParams;
  const rankingView = readRankingView(search);
  const stage = readStage(search);
  const [status, ranking, distribution, confidence] = await Promise.all([
    ok(api.GET('/api/v1/calls/{id}/scoring-status', path)),
    ok(
      api.GET('/api/v1/calls/{id}/ranking', {
        params: { ...path.params, query: { ...rankingQuery(rankingView), ...stageQuery(stage) } },
      }),
    ),
    ok(api.GET('/api/v1/calls/{id}/evaluator-statistics', { params: { ...path.params, query: stageQuery(stage) } })),
    // A panel is far smaller than the API's largest page.
    ok(api.GET('/api/v1/calls/{id}/evaluator-confidence', { params: { ...path.params, query: { limit: 500 } } })),
  ]);
  // Evaluators have a bias only on a calibrated stage: only then is the fit read (how connected it is,
  // whether its rank intervals are current), and the statistics' other figures are left alone.
  const calibration = distribution.items.some((item) => item.calibration !== null)
    ? (await ok(api.GET('/api/v1/calls/{id}/statistics', { params: { ...path.params, query: stageQuery(stage) } })))
        .calibration
    : null;
  return {
    status,
    ranking: { ...ranking, view: rankingView },
    distribution,
    confidence: confidence.items,
    stage,
    calibration,
  };
}

/** The ranking's stage, search and order without its page: what an export of the ranking holds. */
function rankingExportQuery(view: RankingView, stage: number) {
  const { limit: _limit, offset: _offset, ...query } = rankingQuery(view);
  return { ...query, ...stageQuery(stage) };
}

/** The call's results: whether they are current, a full recomputation, the ranking and how each evaluator marks. */
export function ScoringPage() {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const { status, ranking, distribution, confidence, stage, calibration } = useLoaderData<typeof scoringLoader>();
  return (
    <>
      <SectionTitle title={t('call.section.scoring')} call={call} />
      <Stack gap="xl">
        <Stack gap="md">
          <ScoringStatusPanel status={status} />
          <FullRun />
        </Stack>
        <Stack gap="sm">
          {/* The ranking and the evaluators' distribution below are the chosen stage's. */}
          <StageSelector stage={stage} />
          <RankingTable ranking={ranking} stage={stage} calibration={calibration} />
          {ranking.total > 0 && <ExportButtons table="ranking" query={rankingExportQuery(ranking.view, stage)} />}
          <ExportButtons table="evaluations" query={{}} />
        </Stack>
        <EvaluatorDistribution distribution={distribution} confidence={confidence} calibration={calibration} />
      </Stack>
    </>
  );
}

import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { MAX_PAGE_SIZE, allPages } from '../../api/pages';
import { ApiProblem } from '../../api/problem';
import type { Call } from '../../api/types';
import { formatScore } from '../../shared/format';
import { EvaluationsTable } from './EvaluationsTable';
import { draftOf, type Evaluation } from './scoring/evaluation-draft';
import { evaluationTotal, scaleOf } from './scoring/total';

export const PEERS_SECTION = 'peers';

/** Colleagues' submitted evaluations, or null while the API keeps them hidden (403 until one's own is submitted). */
export async function peerEvaluations(applicationId: string): Promise<Evaluation[] | null> {
  try {
    return await allPages((offset) =>
      ok(
        api.GET('/api/v1/applications/{id}/evaluations', {
          params: { path: { id: applicationId }, query: { limit: MAX_PAGE_SIZE, offset } },
        }),
      ),
    );
  } catch (problem) {
    if (problem instanceof ApiProblem && problem.status === 403) return null;
    throw problem;
  }
}

interface PeerScoresProps {
  own: Evaluation;
  /** Null while the API hides them (until the evaluator's own evaluation is submitted). */
  peers: Evaluation[] | null;
  call: Call;
}

/**
 * What colleagues scored, shown only after one's own submission so that each evaluation stays
 * independent; before that, the section says why it is empty.
 */
export function PeerScores({ own, peers, call }: PeerScoresProps) {
  const { t, i18n } = useTranslation('evaluator');
  const scale = scaleOf(call);
  const submitted = own.status === 'submitted';
  const others = (peers ?? []).filter((evaluation) => evaluation.assignmentId !== own.assignmentId);
  const totals = [own, ...others].map(
    (evaluation) => evaluationTotal(call.criteria, draftOf(evaluation).scores, scale).points,
  );
  const spread = Math.max(...totals) - Math.min(...totals);
  return (
    <section aria-labelledby={PEERS_SECTION}>
      <Title order={2} id={PEERS_SECTION} mb="sm">
        {t('peers.title')}
      </Title>
      {!submitted ? (
        <Alert color="blue" variant="light" title={t('peers.hiddenTitle')}>
          {t('peers.hidden')}
        </Alert>
      ) : (
        <Stack>
          {others.length === 0 ? (
            <Text>{t('peers.noneYet')}</Text>
          ) : (
            <Text>
              {t('peers.summary', {
                mean: formatScore(totals.reduce((sum, total) => sum + total, 0) / totals.length, i18n.language),
                spread: formatScore(spread, i18n.language),
                // As shown, to one decimal (English says "1.0 points"; French "1,0 point").
                count: Math.round(spread * 10) / 10,
              })}
            </Text>
          )}
          <EvaluationsTable
            evaluations={[own, ...others]}
            ownEvaluatorId={own.evaluatorId}
            criteria={call.criteria}
            scale={scale}
            caption={t('peers.caption', { count: others.length + 1 })}
          />
        </Stack>
      )}
    </section>
  );
}

import { Button, Paper, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import { formatNumber } from '../../../shared/format';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';
import { useCall } from '../call/call-route';
import type { ScoringRun } from '../types';

/** A run's progress changes by the chunk: once a second is smooth enough. */
const POLL_MILLISECONDS = 1000;

function isFinished(run: ScoringRun): boolean {
  return run.status === 'completed' || run.status === 'failed';
}

/**
 * Recomputes every result of the call from the evaluations (after a doubt, or to check the
 * incremental scoring), and follows the run until it ends; the page's results then reload.
 */
export function FullRun() {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const [run, setRun] = useState<ScoringRun | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [starting, setStarting] = useState(false);
  useFollowRun(run, setRun, setProblem);

  const start = async () => {
    setProblem(null);
    setStarting(true);
    try {
      setRun(await ok(api.POST('/api/v1/calls/{id}/scoring-runs', { params: { path: { id: call.id } } })));
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setStarting(false);
    }
  };

  return (
    <Stack gap="sm" align="flex-start">
      <Text>{t('scoring.run.explanation')}</Text>
      <Button onClick={() => void start()} loading={starting} disabled={run !== null && !isFinished(run)}>
        {t('scoring.run.start')}
      </Button>
      {problem && <ProblemAlert problem={problem} />}
      {run && <RunProgress run={run} />}
    </Stack>
  );
}

/** Polls the run while it goes on; when it ends, reloads the page's results. */
function useFollowRun(
  run: ScoringRun | null,
  setRun: (run: ScoringRun) => void,
  setProblem: (problem: ApiProblem) => void,
): void {
  const { revalidate } = useRevalidator();
  const runId = run?.id;
  const finished = run ? isFinished(run) : false;
  useEffect(() => {
    if (!runId) return;
    if (finished) {
      void revalidate();
      return;
    }
    const timer = window.setTimeout(() => {
      ok(api.GET('/api/v1/scoring-runs/{id}', { params: { path: { id: runId } } }))
        .then(setRun)
        .catch((error: unknown) => setProblem(asProblem(error)));
    }, POLL_MILLISECONDS);
    return () => window.clearTimeout(timer);
  }, [run, runId, finished, revalidate, setRun, setProblem]);
}

function RunProgress({ run }: { run: ScoringRun }) {
  const { t, i18n } = useTranslation('secretariat');
  const percent = run.total > 0 ? (100 * run.done) / run.total : run.status === 'completed' ? 100 : 0;
  const counts = { done: formatNumber(run.done, i18n.language), total: formatNumber(run.total, i18n.language) };
  return (
    <Paper withBorder p="md" radius="md" w="100%" maw={640}>
      <Text fw={600} aria-live="polite">
        {t(`scoring.run.${run.status}`, { ...counts, count: run.total, error: run.error ?? '' })}
      </Text>
      <Progress
        value={Math.round(percent)}
        aria-label={t('scoring.run.progress')}
        color={run.status === 'failed' ? 'red.9' : run.status === 'completed' ? 'green.9' : 'blue.9'}
        animated={!isFinished(run)}
        size="lg"
        mt="xs"
      />
    </Paper>
  );
}

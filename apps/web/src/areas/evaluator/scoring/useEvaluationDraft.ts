import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { Criterion } from '../../../api/types';
import { asProblem } from '../../../shared/problems';
import {
  criterionErrorsOf,
  draftOf,
  holdsUnsaveable,
  sameBody,
  saveBody,
  type Evaluation,
  type EvaluationDraft,
  type SaveEvaluation,
} from './evaluation-draft';
import { forgetLocalEvaluation, readLocalEvaluation, writeLocalEvaluation } from './local-evaluations';
import type { Scale } from './total';

const DEBOUNCE_MS = 800;

export type SaveState =
  | { status: 'saved' | 'pending' | 'saving' }
  /** `criterionErrors`: the refusal's field errors by criterion code. */
  | { status: 'failed'; problem: ApiProblem; criterionErrors: Record<string, string> };

interface DraftSource {
  assignmentId: string;
  evaluation: Evaluation;
  criteria: Criterion[];
  scale: Scale;
}

/**
 * The scoring form as typed, saved a moment after each change (PUT replaces the whole draft, so
 * saves go one at a time, each sending what is typed then). Until the API holds everything typed,
 * it stays in localStorage too; a reload picks it up and saves it.
 */
export function useEvaluationDraft({ assignmentId, evaluation, criteria, scale }: DraftSource) {
  const [initial] = useState(() => startingPoint(assignmentId, evaluation));
  const [draft, setDraft] = useState<EvaluationDraft>(initial);
  const [state, setState] = useState<SaveState>(() => ({
    status: sameBody(saveBody(draftOf(evaluation), criteria, scale), saveBody(initial, criteria, scale))
      ? 'saved'
      : 'pending',
  }));
  const [savedAt, setSavedAt] = useState(evaluation.status === 'assigned' ? null : evaluation.updatedAt);
  const saved = useRef<SaveEvaluation>(saveBody(draftOf(evaluation), criteria, scale));
  const typed = useRef(draft);
  const inFlight = useRef<Promise<boolean> | null>(null);

  /** Whether everything typed is now held by the API, so this browser's copy can go. */
  const settle = useCallback((): boolean => {
    const done = sameBody(saved.current, saveBody(typed.current, criteria, scale));
    if (done && !holdsUnsaveable(typed.current, criteria, scale)) forgetLocalEvaluation(assignmentId);
    else writeLocalEvaluation(assignmentId, typed.current);
    setState({ status: done ? 'saved' : 'pending' });
    return done;
  }, [assignmentId, criteria, scale]);

  const save = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    const body = saveBody(typed.current, criteria, scale);
    if (sameBody(saved.current, body)) return settle();
    setState({ status: 'saving' });
    inFlight.current = ok(
      api.PUT('/api/v1/assignments/{id}/evaluation', { params: { path: { id: assignmentId } }, body }),
    )
      .then((updated) => {
        saved.current = saveBody(draftOf(updated), criteria, scale);
        setSavedAt(updated.updatedAt);
        return settle();
      })
      .catch((error: unknown) => {
        const problem = asProblem(error);
        setState({ status: 'failed', problem, criterionErrors: criterionErrorsOf(problem, body) });
        return false;
      })
      .finally(() => {
        inFlight.current = null;
      });
    return inFlight.current;
  }, [assignmentId, criteria, scale, settle]);

  useEffect(() => {
    if (sameBody(saved.current, saveBody(draft, criteria, scale))) return;
    const timer = window.setTimeout(() => void save(), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, criteria, scale, save]);

  const change = useCallback(
    (update: (current: EvaluationDraft) => EvaluationDraft) => {
      const next = update(typed.current);
      typed.current = next;
      writeLocalEvaluation(assignmentId, next);
      setDraft(next);
      const dirty = !sameBody(saved.current, saveBody(next, criteria, scale));
      setState((current) => (current.status === 'saving' ? current : { status: dirty ? 'pending' : 'saved' }));
    },
    [assignmentId, criteria, scale],
  );

  const forgetLocalCopy = useCallback(() => forgetLocalEvaluation(assignmentId), [assignmentId]);

  return { draft, state, savedAt, change, saveNow: save, forgetLocalCopy };
}

/** The API's draft, unless this browser holds what was typed since (a submitted one always wins). */
function startingPoint(assignmentId: string, evaluation: Evaluation): EvaluationDraft {
  if (evaluation.status === 'submitted') {
    forgetLocalEvaluation(assignmentId);
    return draftOf(evaluation);
  }
  return readLocalEvaluation(assignmentId) ?? draftOf(evaluation);
}

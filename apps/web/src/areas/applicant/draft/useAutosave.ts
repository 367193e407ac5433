import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ifMatch, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { AnswerValue, Answers, Application } from '../../../api/types';
import { asProblem } from '../../../shared/problems';
import { answersPatch, forgetLocalDraft, readLocalDraft, sameAnswers, writeLocalDraft } from './local-drafts';

const DEBOUNCE_MS = 800;

export type SaveState =
  | { status: 'saved' | 'pending' | 'saving' }
  | { status: 'failed'; problem: ApiProblem }
  /** The draft changed elsewhere since this page read it; `theirs` is the saved version. */
  | { status: 'conflict'; theirs: Application };

/**
 * The draft's answers as typed, saved a moment after each change with the version they were typed
 * on (If-Match). The API answers 412 only when the answers changed elsewhere since that version
 * (documents attached meanwhile, here or elsewhere, do not count), which stops saving until the
 * applicant chooses which version to keep; until then, and until any save succeeds, the typed
 * answers stay in localStorage.
 */
export function useAutosave(application: Application) {
  const id = application.id;
  const [initial] = useState(() => startingPoint(application));
  const [answers, setAnswers] = useState<Answers>(initial.answers);
  const [state, setState] = useState<SaveState>(initial.state);
  const saved = useRef(initial.saved);
  const typed = useRef(answers);
  const inFlight = useRef<Promise<boolean> | null>(null);

  const save = useCallback(async (): Promise<boolean> => {
    // One save at a time: the next one sends the version the previous one got back.
    while (inFlight.current) await inFlight.current;
    const patch = answersPatch(saved.current.answers, typed.current);
    if (Object.keys(patch).length === 0) {
      forgetLocalDraft(id);
      setState({ status: 'saved' });
      return true;
    }
    setState({ status: 'saving' });
    inFlight.current = ok(
      api.PATCH('/api/v1/applications/{id}', {
        params: { path: { id }, header: ifMatch(saved.current.version) },
        body: { answers: patch },
      }),
    )
      .then((updated) => {
        saved.current = { version: updated.version, answers: updated.answers };
        const done = sameAnswers(updated.answers, typed.current);
        if (done) forgetLocalDraft(id);
        else writeLocalDraft(id, { baseVersion: updated.version, answers: typed.current });
        setState({ status: done ? 'saved' : 'pending' });
        return done;
      })
      .catch(async (error: unknown) => {
        const problem = asProblem(error);
        if (problem.is('VERSION_CONFLICT')) setState({ status: 'conflict', theirs: await latest(id) });
        else setState({ status: 'failed', problem });
        return false;
      })
      .finally(() => {
        inFlight.current = null;
      });
    return inFlight.current;
  }, [id]);

  const conflicted = state.status === 'conflict';
  useEffect(() => {
    if (conflicted || sameAnswers(saved.current.answers, answers)) return;
    const timer = window.setTimeout(() => void save(), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [answers, conflicted, save]);

  const change = useCallback(
    (key: string, value: AnswerValue | null) => {
      const next = { ...typed.current };
      if (value === null || value === '') delete next[key];
      else next[key] = value;
      typed.current = next;
      writeLocalDraft(id, { baseVersion: saved.current.version, answers: next });
      setAnswers(next);
      setState((current) => (current.status === 'conflict' ? current : { status: 'pending' }));
    },
    [id],
  );

  /** Saves what was typed over the other version. */
  const keepMine = useCallback(
    (theirs: Application) => {
      saved.current = { version: theirs.version, answers: theirs.answers };
      return save();
    },
    [save],
  );

  /** Drops what was typed here for the saved version. */
  const takeTheirs = useCallback(
    (theirs: Application) => {
      saved.current = { version: theirs.version, answers: theirs.answers };
      typed.current = theirs.answers;
      forgetLocalDraft(id);
      setAnswers(theirs.answers);
      setState({ status: 'saved' });
    },
    [id],
  );

  return { answers, state, change, saveNow: save, keepMine, takeTheirs };
}

/**
 * The server's answers, unless this browser holds unsaved ones: those resume saving on the version
 * they were typed on, and the API tells whether the answers changed elsewhere since.
 */
function startingPoint(application: Application): { answers: Answers; state: SaveState; saved: Saved } {
  const saved = { version: application.version, answers: application.answers };
  const local = readLocalDraft(application.id);
  if (!local || sameAnswers(local.answers, application.answers)) {
    return { answers: application.answers, state: { status: 'saved' }, saved };
  }
  return { answers: local.answers, state: { status: 'pending' }, saved: { ...saved, version: local.baseVersion } };
}

/** What the server holds as far as this page knows: the version saves send, and its answers. */
interface Saved {
  version: number;
  answers: Answers;
}

function latest(id: string): Promise<Application> {
  return ok(api.GET('/api/v1/applications/{id}', { params: { path: { id } } }));
}

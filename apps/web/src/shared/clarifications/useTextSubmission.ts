import { useState } from 'react';
import type { ApiProblem } from '../../api/problem';
import { asProblem, fieldErrors } from '../problems';

/**
 * A required text sent to the API (a question, its rewording, an answer): its value; its error when
 * left empty or refused for its own field; any other refusal as a problem; whether it is being sent.
 */
export function useTextSubmission(field: string, requiredMessage: string, initial = '') {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [working, setWorking] = useState(false);

  /** Sends the trimmed text; answers whether it was accepted. */
  const submit = async (send: (text: string) => Promise<void>): Promise<boolean> => {
    setProblem(null);
    const text = value.trim();
    if (text === '') {
      setError(requiredMessage);
      return false;
    }
    setError(null);
    setWorking(true);
    try {
      await send(text);
      return true;
    } catch (caught) {
      const found = asProblem(caught);
      const message = fieldErrors(found)[field];
      if (message) setError(message);
      else setProblem(found);
      return false;
    } finally {
      setWorking(false);
    }
  };

  return { value, setValue, error, problem, working, submit };
}

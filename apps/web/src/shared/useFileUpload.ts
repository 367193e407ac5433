import { useRef, useState } from 'react';
import { useRevalidator } from 'react-router';
import type { ApiProblem } from '../api/problem';
import { asProblem } from './problems';

/**
 * One file chosen and sent to the API with its progress: the chosen file, the progress while it is
 * sent, the problem of a refusal, and the message of the last upload that went through. On success the
 * picker is cleared and the route's data loaded again, so the page shows what was uploaded.
 */
export function useFileUpload(send: (file: File, onProgress: (fraction: number) => void) => Promise<string>) {
  const revalidator = useRevalidator();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const upload = async () => {
    if (!file) return;
    setProblem(null);
    setDone(null);
    setProgress(0);
    try {
      setDone(await send(file, setProgress));
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      await revalidator.revalidate();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setProgress(null);
    }
  };

  return { fileInput, file, setFile, progress, problem, done, upload };
}

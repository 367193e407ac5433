import { useEffect } from 'react';
import { useRevalidator } from 'react-router';

/**
 * Reloads the page's data every `milliseconds` while `active`: the results change on the server
 * (the worker scores in the background) and the page follows without the reader reloading it.
 */
export function useRevalidateEvery(milliseconds: number, active: boolean): void {
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => void revalidate(), milliseconds);
    return () => window.clearInterval(timer);
  }, [active, milliseconds, revalidate]);
}

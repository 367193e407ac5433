import { WORKER_CLOSE_GRACE_MS } from './stop-taking-jobs';

/** How long the worker's shutdown may take in all: the jobs' grace, then the connections' closing. */
export const WORKER_SHUTDOWN_LIMIT_MS = WORKER_CLOSE_GRACE_MS + 20_000;

interface Signals {
  once(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
}

/**
 * Ends the process when a shutdown begun by SIGTERM or SIGINT still waits after `limitMs`: a Redis
 * Cluster client of BullMQ caught reconnecting during a failover can keep a worker's close waiting
 * well past its grace. Nothing acknowledged is lost by ending it: a job cut short is taken up again
 * once its lock lapses, and the outbox dispatches again what was not completed. The timer does not
 * keep a process alive that would end by itself.
 */
export function endShutdownWithin(
  limitMs: number,
  onOverdue: () => void,
  signals: Signals = process,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  const start = () => {
    setTimeout(() => {
      onOverdue();
      exit(1);
    }, limitMs).unref();
  };
  signals.once('SIGTERM', start);
  signals.once('SIGINT', start);
}

import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { withEnv } from './async';
import { PlatformProcess } from './platform-process';

/** The worker in the test's own process, with the given environment. */
export async function startWorker(env: Record<string, string> = {}): Promise<INestApplicationContext> {
  return withEnv(env, async () => (await Test.createTestingModule({ imports: [WorkerModule] }).compile()).init());
}

/**
 * The worker as a process of its own (apps/worker/src/main.ts, see PlatformProcess), which a test can
 * stop with a signal as an operator or a crash would.
 */
export type WorkerProcess = PlatformProcess;
export const WorkerProcess = {
  /** Answers once the worker is ready; one not ready within `readyWithinMs` is killed and the start fails. */
  // The first start compiles the worker's sources: minutes on two cores shared with three suites and Chromium.
  start: (env: Record<string, string>, readyWithinMs = 300_000): Promise<WorkerProcess> =>
    PlatformProcess.start('worker', env, readyWithinMs),
};

import { Logger } from '@nestjs/common';

/**
 * A promise that a library let go of (a Redis command timing out beneath the queue dashboard) is
 * logged: it must not end the process, and every request or job in flight with it. Called once, by
 * the entry point of each process.
 */
export function logUnhandledRejections(): void {
  process.on('unhandledRejection', (reason) => new Logger('Process').error({ err: reason }, 'Unhandled rejection'));
}

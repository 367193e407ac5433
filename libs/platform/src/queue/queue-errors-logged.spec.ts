import { Logger } from '@nestjs/common';
import type { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import { EventEmitter } from 'node:events';
import { QueueErrorsLogged } from './queue-errors-logged';

/** A queue without a connection (a real one connects at once): its events are a queue's. */
function unconnectedQueue(name: string): Queue {
  const queue = Object.create(Queue.prototype) as Queue;
  EventEmitter.call(queue);
  Object.defineProperty(queue, 'name', { value: name });
  return queue;
}

describe('QueueErrorsLogged', () => {
  const queue = unconnectedQueue('scoring');
  afterEach(() => jest.restoreAllMocks());

  it('makes a queue’s errors logged warnings instead of unhandled errors on stderr', () => {
    const outage = new Error('ClusterAllFailedError: Failed to refresh slots cache.');
    const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);

    queue.emit('error', outage);
    expect(stderr).toHaveBeenCalledWith(
      expect.objectContaining({ message: expect.stringContaining('Unhandled error') }),
    );

    const discovery = { getProviders: () => [{ instance: queue }, { instance: {} }, { instance: null }] };
    new QueueErrorsLogged(discovery as unknown as DiscoveryService).onApplicationBootstrap();
    stderr.mockClear();
    queue.emit('error', outage);

    expect(stderr).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith({ err: outage, queue: 'scoring' }, 'Queue error');
  });
});

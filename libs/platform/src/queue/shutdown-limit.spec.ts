import { EventEmitter } from 'node:events';
import { endShutdownWithin } from './shutdown-limit';

describe('endShutdownWithin', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ends the process with status 1 when a shutdown begun by a signal outlasts the limit', () => {
    const signals = new EventEmitter();
    const exit = jest.fn();
    const overdue = jest.fn();
    endShutdownWithin(1000, overdue, signals, exit);

    jest.advanceTimersByTime(5000);
    expect(exit).not.toHaveBeenCalled();
    signals.emit('SIGTERM');
    jest.advanceTimersByTime(999);
    expect(exit).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(overdue).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('counts from SIGINT too', () => {
    const signals = new EventEmitter();
    const exit = jest.fn();
    endShutdownWithin(1000, () => undefined, signals, exit);
    signals.emit('SIGINT');
    jest.advanceTimersByTime(1000);
    expect(exit).toHaveBeenCalledWith(1);
  });
});

import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { byWorkLeftThenDeadline, hasWorkLeft, nextToEvaluate, type AssignmentLike } from './assignment-order';

const STATUSES = ['assigned', 'draft', 'submitted', 'declined', 'released'] as const;
const assignment = (id: string, status: AssignmentLike['status']): AssignmentLike => ({ id, status });
const group = (title: string, closesAt: string, statuses: AssignmentLike['status'][]) => ({
  call: { title, closesAt },
  assignments: statuses.map((status, i) => assignment(`${title}-${i}`, status)),
});

describe('the next application to evaluate', () => {
  it('is a draft already begun before any not started, else the oldest not started', () => {
    const list = [assignment('a', 'submitted'), assignment('b', 'assigned'), assignment('c', 'draft')];
    expect(nextToEvaluate(list)?.id).toBe('c');
    expect(nextToEvaluate(list.slice(0, 2))?.id).toBe('b');
  });

  it('is never the one being read, nor one without work left', () => {
    const list = [assignment('a', 'draft'), assignment('b', 'declined'), assignment('c', 'assigned')];
    expect(nextToEvaluate(list, 'a')?.id).toBe('c');
    expect(nextToEvaluate([assignment('a', 'submitted'), assignment('b', 'released')])).toBeUndefined();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATUSES)), fc.nat(), (statuses, pick) => {
        const list = statuses.map((status, i) => assignment(String(i), status));
        const except = statuses.length ? String(pick % statuses.length) : undefined;
        const next = nextToEvaluate(list, except);
        const candidates = list.filter((a) => a.id !== except && hasWorkLeft(a));
        expect(next === undefined).toBe(candidates.length === 0);
        if (next) expect(next.id === except || !hasWorkLeft(next)).toBe(false);
      }),
    );
  });
});

describe('the order of the calls on the assignments page', () => {
  it('puts the calls with work left first, earliest deadline first, and the finished ones after', () => {
    const groups = [
      group('Finished early', '2030-01-01T00:00:00Z', ['submitted', 'released']),
      group('Late deadline', '2030-06-01T00:00:00Z', ['submitted', 'assigned']),
      group('Early deadline', '2030-03-01T00:00:00Z', ['draft']),
      group('Finished late', '2030-09-01T00:00:00Z', ['submitted']),
    ];
    expect(byWorkLeftThenDeadline(groups).map(({ call }) => call.title)).toEqual([
      'Early deadline',
      'Late deadline',
      'Finished early',
      'Finished late',
    ]);
  });

  it('never lists a finished call before one with work left, and keeps every call', () => {
    const anyGroup = fc.record({
      title: fc.string(),
      closesAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      statuses: fc.array(fc.constantFrom(...STATUSES), { minLength: 1 }),
    });
    fc.assert(
      fc.property(fc.array(anyGroup), (specs) => {
        const ordered = byWorkLeftThenDeadline(specs.map((s) => group(s.title, s.closesAt, s.statuses)));
        expect(ordered).toHaveLength(specs.length);
        const workLeft = ordered.map((g) => g.assignments.some(hasWorkLeft));
        expect(workLeft).toEqual([...workLeft].sort((a, b) => Number(b) - Number(a)));
      }),
    );
  });
});

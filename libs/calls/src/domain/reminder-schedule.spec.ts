import fc from 'fast-check';
import { DEFAULT_REMINDER_SCHEDULE, ReminderSchedule, normalisedSchedule } from './reminder-schedule';

const offsets = fc.array(fc.integer({ min: 1, max: 90 }), { maxLength: 5 });
const schedules = fc.record<ReminderSchedule>({
  evaluatorDaysBefore: offsets,
  evaluatorDaysAfter: offsets,
  applicantHoursBefore: offsets,
});

describe('normalisedSchedule', () => {
  it('keeps the default as it is', () => {
    expect(normalisedSchedule(DEFAULT_REMINDER_SCHEDULE)).toEqual(DEFAULT_REMINDER_SCHEDULE);
  });

  it('orders each list as its reminders go out, without repeats', () => {
    expect(
      normalisedSchedule({
        evaluatorDaysBefore: [1, 7, 1],
        evaluatorDaysAfter: [3, 1],
        applicantHoursBefore: [24, 72],
      }),
    ).toEqual({ evaluatorDaysBefore: [7, 1], evaluatorDaysAfter: [1, 3], applicantHoursBefore: [72, 24] });
  });

  it('keeps the same offsets, each once, in the order they come due, and is idempotent', () => {
    const comesDue = { evaluatorDaysBefore: -1, evaluatorDaysAfter: 1, applicantHoursBefore: -1 };
    fc.assert(
      fc.property(schedules, (schedule) => {
        const normal = normalisedSchedule(schedule);
        for (const key of Object.keys(comesDue) as Array<keyof ReminderSchedule>) {
          expect(new Set(normal[key])).toEqual(new Set(schedule[key]));
          const moments = normal[key].map((offset) => comesDue[key] * offset);
          expect(moments.every((moment, i) => i === 0 || moments[i - 1] < moment)).toBe(true);
        }
        expect(normalisedSchedule(normal)).toEqual(normal);
      }),
    );
  });
});

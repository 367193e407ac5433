/**
 * When a call's automatic reminders go out (issue 14): evaluators with unfinished assignments some
 * days before and after their stage's evaluation due date, and the applicants of drafts some hours
 * before the call's deadline. An empty list sends none of that kind.
 */
export interface ReminderSchedule {
  evaluatorDaysBefore: number[];
  evaluatorDaysAfter: number[];
  applicantHoursBefore: number[];
}

/** What every call starts with (also the column's default in 1765900000700-DueDateReminders). */
export const DEFAULT_REMINDER_SCHEDULE: ReminderSchedule = {
  evaluatorDaysBefore: [7, 1],
  evaluatorDaysAfter: [1, 3],
  applicantHoursBefore: [72, 24],
};

/** The longest an offset may reach: a quarter before or after a due date, a month before a deadline. */
export const REMINDER_LIMITS = { maxDays: 90, maxHours: 720, maxOffsets: 5 } as const;

/** The schedule as stored: each list without repeats, in the order its reminders go out. */
export function normalisedSchedule(schedule: ReminderSchedule): ReminderSchedule {
  const distinct = (offsets: number[]) => [...new Set(offsets)];
  const furthestFirst = (offsets: number[]) => distinct(offsets).sort((a, b) => b - a);
  return {
    evaluatorDaysBefore: furthestFirst(schedule.evaluatorDaysBefore),
    evaluatorDaysAfter: distinct(schedule.evaluatorDaysAfter).sort((a, b) => a - b),
    applicantHoursBefore: furthestFirst(schedule.applicantHoursBefore),
  };
}

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
  return {
    evaluatorDaysBefore: beforeInSendingOrder(schedule.evaluatorDaysBefore),
    evaluatorDaysAfter: afterInSendingOrder(schedule.evaluatorDaysAfter),
    applicantHoursBefore: beforeInSendingOrder(schedule.applicantHoursBefore),
  };
}

/** Offsets before a moment, without repeats, the furthest (first sent) first. */
export function beforeInSendingOrder(offsets: number[]): number[] {
  return [...new Set(offsets)].sort((a, b) => b - a);
}

/** Offsets after a moment, without repeats, the nearest (first sent) first. */
export function afterInSendingOrder(offsets: number[]): number[] {
  return [...new Set(offsets)].sort((a, b) => a - b);
}

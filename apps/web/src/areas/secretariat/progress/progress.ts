import type { components } from '../../../api/schema';

type Schemas = components['schemas'];
export type EvaluatorProgress = Schemas['EvaluatorProgressDto'];
export type ReminderReport = Schemas['ReminderReportDto'];
export type CallAssignment = Schemas['CallAssignmentDto'];

/** The board's columns: an evaluator's assignments by status, in the order work goes. */
export const STATUS_COLUMNS = ['assigned', 'draft', 'submitted', 'declined', 'released'] as const;

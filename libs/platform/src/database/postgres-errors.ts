import { QueryFailedError } from 'typeorm';

/** True when a statement failed on the unique constraint or index of that name. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

/**
 * True when the database refused a write because the call's cohort is published (the triggers of
 * migration Cohorts1764400000000 raise SQLSTATE CP409): the services refuse first, this is the backstop.
 */
export function isPublishedCallWrite(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === 'CP409';
}

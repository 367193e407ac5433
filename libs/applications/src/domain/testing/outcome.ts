import { DomainError } from '@app/platform/errors';

/** For tests of the rules: `allowed`, or the code of the domain error the rule raised. */
export function outcome(run: () => void): string {
  try {
    run();
    return 'allowed';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

import { DomainError } from '@app/platform/errors';

export class ReferenceTakenError extends DomainError {
  constructor(reference: string) {
    super('REFERENCE_TAKEN', `Another call already has the reference ${reference}.`);
  }
}

export class FieldLockedError extends DomainError {
  constructor(fields: string[]) {
    super(
      'FIELD_LOCKED',
      `Once a call has opened, only closesAt (to extend it) and criteria weights can change; not ${fields.join(', ')}.`,
    );
  }
}

export class CallPublishedError extends DomainError {
  constructor() {
    super('COHORT_PUBLISHED', 'The cohort of this call is published; the call can no longer change.');
  }
}

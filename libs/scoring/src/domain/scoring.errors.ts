/**
 * Scoring input that breaks an invariant the callers guarantee (an incomplete or duplicated
 * evaluation, an unknown application, an empty scale). It is deliberately not a DomainError: it is
 * a bug upstream, not a refusal a client could act on, so it must surface as a logged 500 rather
 * than as a 4xx/409 problem that quotes internal ids back to the caller.
 */
export class InvalidScoringInputError extends Error {
  readonly code = 'INVALID_SCORING_INPUT';

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

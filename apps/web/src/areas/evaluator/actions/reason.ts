/** The API keeps an evaluator's reasons (declining, declaring a conflict) of 3 characters or more. */
export const EVALUATOR_REASON_MIN = 3;

import { randomUUID } from 'node:crypto';
import { COMPLETE_ANSWERS } from './applications';
import { FULL_SCORES } from './evaluation-fixtures';
import { callBody } from './fixtures';
import type { FuzzWorld } from './fuzz-world';
import { JsonValue, Schema, SchemaSamples } from './openapi-samples';

/**
 * Valid-looking request bodies built from the operation's schema in the served OpenAPI document, with
 * the fuzz world's real ids where a field names one: a request that differs from such a body in one
 * field passes the outer checks and reaches the code behind them.
 */

export type { JsonValue, Schema };

/** Bodies the schema alone cannot make valid (cross-field rules: weights summing to 1, dates in order). */
function knownExamples(world: FuzzWorld): Record<string, () => JsonValue> {
  const [draftApplication, submittedApplication] = world.ids.application;
  return {
    CallsController_create: () => callBody() as JsonValue,
    CallsController_update: () => ({ title: 'Call for accelerator centres, amended' }),
    ApplicationsController_create: () => ({ answers: COMPLETE_ANSWERS }),
    ApplicationsController_update: () => ({ answers: { ...COMPLETE_ANSWERS, startups_per_year: 12 } }),
    AssignmentsController_saveEvaluation: () => ({
      scores: FULL_SCORES as unknown as JsonValue,
      overallComment: 'Solid.',
    }),
    AuthController_register: () => ({
      email: `fuzz-${randomUUID().slice(0, 8)}@test.example`,
      password: 'correct horse battery',
      displayName: 'Fuzz applicant',
      locale: 'en',
    }),
    AuthController_login: () => ({ email: world.applicantEmail, password: 'not the password' }),
    CohortsController_amend: () => ({ add: [submittedApplication!], remove: [draftApplication!], reason: 'Fuzzed.' }),
  };
}

/** Property names whose value is the id of a resource of the fuzz world: its kind and index. */
const ID_FIELDS: Record<string, [keyof FuzzWorld['ids'], number]> = {
  applicationId: ['application', 1],
  evaluatorId: ['user', 1],
  evaluatorIds: ['user', 1],
  callId: ['call', 0],
  recipientId: ['user', 0],
  entityId: ['call', 0],
  organisationId: ['organisation', 0],
};

/**
 * The schema's sample body of an operation (see SchemaSamples), filled with the fuzz world's real ids
 * and criterion codes, or a hand-made body where the schema alone cannot make it valid.
 */
export class ExampleBuilder extends SchemaSamples {
  private readonly known: Record<string, () => JsonValue>;

  constructor(components: Record<string, Schema>, world: FuzzWorld) {
    super(components, (name) => {
      if (name === 'criterionCode') return world.criterionCodes[0];
      const field = ID_FIELDS[name];
      return field && world.ids[field[0]][field[1]];
    });
    this.known = knownExamples(world);
  }

  /** A valid-looking body of the operation, or of its schema when no hand-made one is known. */
  bodyFor(operationId: string, schema: Schema): JsonValue {
    const known = this.known[operationId];
    return known ? known() : this.sample(schema);
  }
}

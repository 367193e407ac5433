import type { ApiPropertyOptions } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PERSON_FIELDS, PERSON_LIMITS } from '../domain/application';

// The OpenAPI schemas of answers, as the applications' bodies take them and every reader gets them.

/**
 * One person of a people question's answer. A draft may leave properties out, which are then stored
 * blank (`stored`: as read back, with all four); a submission needs each but the title.
 */
function personSchema(stored: boolean): SchemaObject {
  return {
    type: 'object',
    additionalProperties: false,
    ...(stored ? { required: [...PERSON_FIELDS] } : {}),
    properties: {
      name: { type: 'string', maxLength: PERSON_LIMITS.name },
      title: { type: 'string', maxLength: PERSON_LIMITS.title, description: 'Title or function; may be blank.' },
      email: { type: 'string', maxLength: PERSON_LIMITS.email },
      role: {
        type: 'string',
        maxLength: PERSON_LIMITS.role,
        description: "One of the question's roles (its `options`).",
      },
    },
  };
}

/** An answer: a text, a number, or a people question's list of people (at most its `maxCount`). */
export function answerValueSchema(stored: boolean): SchemaObject {
  return {
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'array', maxItems: PERSON_LIMITS.people, items: personSchema(stored) },
    ],
  };
}

/** Answers by question key, as stored and read (by the applicant, the secretariat, the evaluators). */
export const STORED_ANSWERS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: answerValueSchema(true),
};

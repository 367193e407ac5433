import { ValidationError } from '@app/platform/errors';
import { canonicalJson } from '@app/platform/json/canonical-json';
import { Call, CallDefinition, CallKind, CallStatus, Criterion } from './call';
import { callDefinitionErrors } from './call-definition.rules';
import { isBeforePublication } from './call-lifecycle';
import { callTextsOf, prunedTranslations } from './call-translations';
import { CallPublishedError, FieldLockedError } from './calls.errors';
import {
  ReviewStageInput,
  onlySchedulesDiffer,
  ownStageFields,
  stagesFromInput,
  withFirstStageMirrored,
} from './review-stages';

export type CallPatch = Partial<Omit<CallDefinition, 'stages'>> & {
  /** New weights by criterion code; the way to reweigh once criteria are otherwise frozen. */
  weights?: Record<string, number>;
  /** Every stage anew, stage 1's scale, evaluators and criteria taken from the call. */
  stages?: ReviewStageInput[];
};

export interface PlannedCallChange {
  definition: CallDefinition;
  changedFields: string[];
  weightsChanged: boolean;
}

const DEFINITION_FIELDS = [
  'reference',
  'title',
  'description',
  'opensAt',
  'closesAt',
  'cohortSize',
  'evaluatorsPerApplication',
  'eligibility',
  'selection',
  'scoring',
  'assignment',
  'criteria',
  'questions',
  'stages',
  'finalRanking',
  'blind',
  'expertise',
  'translations',
  'sessions',
  'sessionAllocation',
] as const satisfies readonly (keyof CallDefinition)[];

/** A field of the definition, or `weights`: the criteria's weights alone, the rest of each criterion kept. */
export const CHANGEABLE_FIELDS = [...DEFINITION_FIELDS, 'weights'] as const;
export type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];

/**
 * What a PATCH may still change in a call of this status (DESIGN §4): anything while draft; while
 * open, a later deadline and the weights; once closed only the weights, since a later deadline would
 * reopen nothing; nothing once the cohort is published. Whether the call is blind may change until
 * its first assignment starts the review: after that an evaluator may already have seen who applied.
 * The expertise keywords and topic question change until then too: pairs made since carry affinities
 * computed from them.
 * The stages' due dates and reminder offsets move until publication too: `stages` is then taken
 * when only those differ, as `criteria` is when only the weights do. The translations of the call's
 * texts change until publication: English is what was decided on, a translation only says it again.
 * A registration call's sessions change while draft, the rule allocating their seats until it
 * closes (the allocation is computed once it is); a selection call has neither.
 */
export function changeableFields(status: CallStatus, kind: CallKind = 'selection'): ChangeableField[] {
  const fields = changeableInStatus(status);
  return kind === 'registration'
    ? fields
    : fields.filter((field) => field !== 'sessions' && field !== 'sessionAllocation');
}

function changeableInStatus(status: CallStatus): ChangeableField[] {
  if (status === 'draft') return [...CHANGEABLE_FIELDS];
  if (status === 'open') return ['closesAt', 'weights', 'blind', 'expertise', 'translations', 'sessionAllocation'];
  if (status === 'closed') return ['weights', 'blind', 'expertise', 'translations', 'sessionAllocation'];
  return isBeforePublication(status) ? ['weights', 'translations'] : [];
}

/** Applies a patch to a call as `changeableFields` allows; throws when the patch is not allowed. */
export function planCallChange(call: Call, patch: CallPatch): PlannedCallChange {
  if (!isBeforePublication(call.status)) throw new CallPublishedError();
  const allowed = new Set<string>(changeableFields(call.status, call.kind));
  const current = definitionOf(call);
  const next: CallDefinition = { ...current };
  for (const field of DEFINITION_FIELDS) {
    if (field !== 'stages' && patch[field] !== undefined) Object.assign(next, { [field]: patch[field] });
  }
  if (patch.weights) next.criteria = reweigh(next.criteria, patch.weights);
  next.stages = patch.stages ? stagesFromInput(next, patch.stages) : withFirstStageMirrored(next, current.stages);
  // Translations not sent again follow the criteria and questions: those of removed ones go.
  if (patch.translations === undefined) next.translations = prunedTranslations(current.translations, callTextsOf(next));

  // Stage 1's scale, evaluators and criteria change with the call's own fields, not as a change of stages.
  const changedFields = DEFINITION_FIELDS.filter((field) =>
    field === 'stages'
      ? !sameValue(ownStageFields(current.stages), ownStageFields(next.stages))
      : !sameValue(current[field], next[field]),
  );
  const weightsChanged = current.criteria.some((c, i) => next.criteria[i]?.weight !== c.weight);

  if (call.status !== 'draft') {
    const locked = changedFields.filter(
      (field) =>
        !allowed.has(field) &&
        !(field === 'criteria' && allowed.has('weights') && onlyWeightsDiffer(current.criteria, next.criteria)) &&
        !(field === 'stages' && onlySchedulesDiffer(current.stages, next.stages)),
    );
    if (locked.length > 0) throw new FieldLockedError(call.status, [...allowed], locked);
    if (next.closesAt.getTime() < current.closesAt.getTime()) {
      throw new ValidationError([
        {
          field: 'closesAt',
          message: 'once a call has opened its deadline can only be extended; close it instead',
          code: 'DEADLINE_SHORTENED',
        },
      ]);
    }
  }
  const errors = callDefinitionErrors(next);
  if (errors.length > 0) throw new ValidationError(errors);
  return { definition: next, changedFields, weightsChanged };
}

export function definitionOf(call: Call): CallDefinition {
  const {
    id: _id,
    status: _status,
    version: _version,
    createdAt: _c,
    updatedAt: _u,
    publishedCohortId: _p,
    ...definition
  } = call;
  return definition;
}

function reweigh(criteria: Criterion[], weights: Record<string, number>): Criterion[] {
  const codes = new Set(criteria.map((c) => c.code));
  const unknown = Object.keys(weights).filter((code) => !codes.has(code));
  if (unknown.length > 0) {
    throw new ValidationError(
      unknown.map((code) => ({
        field: `weights.${code}`,
        message: 'no criterion has this code',
        code: 'UNKNOWN_CRITERION',
      })),
    );
  }
  return criteria.map((c) => {
    // Own keys only: a code such as "constructor" must not pick up Object.prototype's members.
    const weight = Object.hasOwn(weights, c.code) ? weights[c.code] : undefined;
    return weight === undefined ? c : { ...c, weight };
  });
}

function onlyWeightsDiffer(before: Criterion[], after: Criterion[]): boolean {
  const strip = (criteria: Criterion[]) => criteria.map(({ weight: _w, ...rest }) => rest);
  return sameValue(strip(before), strip(after));
}

function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

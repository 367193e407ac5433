import { FieldError, ValidationError } from '@app/platform/errors';
import { canonicalJson } from '@app/platform/json/canonical-json';
import { CallDefinition, Criterion, ReviewStage, ScoringSettings } from './call';
import { StageNotFoundError } from './calls.errors';
import { afterInSendingOrder, beforeInSendingOrder } from './reminder-schedule';

/** The name of a call's only stage when it was created without stages. */
export const DEFAULT_STAGE_NAME = 'Evaluation';

/** What a call's create or update body says of a stage; what it leaves out is taken from the call. */
export interface ReviewStageInput {
  name?: string;
  scoring?: ScoringSettings;
  evaluatorsPerApplication?: number;
  criteria?: Criterion[];
  evaluationDueAt?: Date | null;
  reminderDaysBefore?: number[] | null;
  reminderDaysAfter?: number[] | null;
}

/** When a stage's evaluations are due and when its evaluators are reminded of it. */
export type StageSchedule = Pick<ReviewStage, 'evaluationDueAt' | 'reminderDaysBefore' | 'reminderDaysAfter'>;

/** No due date, and the call's reminder offsets. */
const NO_SCHEDULE: StageSchedule = { evaluationDueAt: null, reminderDaysBefore: null, reminderDaysAfter: null };

/** The fields of a call that are its first stage's. */
export type FirstStageFields = Pick<CallDefinition, 'scoring' | 'evaluatorsPerApplication' | 'criteria'>;

const MIRRORED = ['scoring', 'evaluatorsPerApplication', 'criteria'] as const;

/** A call's single stage, as every call created without stages has. */
export function singleStage(call: FirstStageFields): ReviewStage[] {
  return [{ name: DEFAULT_STAGE_NAME, ...NO_SCHEDULE, ...pickFirstStageFields(call) }];
}

/** The stages with the first one's scale, evaluators and criteria taken from the call (they are the same). */
export function withFirstStageMirrored(call: FirstStageFields, stages: ReviewStage[]): ReviewStage[] {
  const [first, ...rest] = stages.length > 0 ? stages : singleStage(call);
  return [{ ...first, ...pickFirstStageFields(call) }, ...rest];
}

/**
 * The stages a body describes. Stage 1 is the call's own fields: given again in `stages[0]` they must
 * be the same. A later stage without scale or evaluators per application takes the call's; its
 * criteria are its own and required.
 */
export function stagesFromInput(call: FirstStageFields, inputs: ReviewStageInput[]): ReviewStage[] {
  const errors: FieldError[] = [];
  const stages = inputs.map((input, index): ReviewStage => {
    const field = (name: string) => `stages.${index}.${name}`;
    if (index === 0) {
      for (const name of MIRRORED) {
        if (input[name] !== undefined && canonicalJson(input[name]) !== canonicalJson(call[name])) {
          errors.push({
            field: field(name),
            message: `stage 1's ${name} is the call's own; leave it out or give the same`,
            code: 'FIRST_STAGE_MIRRORS_CALL',
          });
        }
      }
    } else if (input.criteria === undefined) {
      errors.push({ field: field('criteria'), message: 'a later stage needs its own criteria', code: 'REQUIRED' });
    }
    const fields = index === 0 ? pickFirstStageFields(call) : laterStageFields(call, input);
    return {
      name: input.name ?? (index === 0 ? DEFAULT_STAGE_NAME : `Stage ${index + 1}`),
      ...scheduleFromInput(input),
      ...fields,
    };
  });
  if (errors.length > 0) throw new ValidationError(errors);
  return stages;
}

/** Each stage's own rules: a usable scale, criteria with distinct codes. Stage 1's are the call's, checked as such. */
export function stageErrors(stages: ReviewStage[]): FieldError[] {
  const errors: FieldError[] = [];
  stages.forEach((stage, index) => {
    if (index === 0) return;
    if (!(stage.scoring.scaleMin < stage.scoring.scaleMax)) {
      errors.push({
        field: `stages.${index}.scoring.scaleMax`,
        message: 'scaleMax must be greater than scaleMin',
        code: 'EMPTY_SCALE',
      });
    }
    const seen = new Set<string>();
    stage.criteria.forEach((criterion, at) => {
      const key = criterion.code.toLowerCase();
      if (seen.has(key)) {
        errors.push({
          field: `stages.${index}.criteria.${at}.code`,
          message: `code "${criterion.code}" is used twice`,
          code: 'DUPLICATE',
          params: { value: criterion.code },
        });
      }
      seen.add(key);
    });
  });
  return errors;
}

/** The call's stage at `position` (1..n); a position the call does not have is refused. */
export function stageAt<Stage = ReviewStage>(call: { stages: readonly Stage[] }, position: number): Stage {
  const stage = Number.isInteger(position) ? call.stages[position - 1] : undefined;
  if (!stage) throw new StageNotFoundError(position, call.stages.length);
  return stage;
}

/** A weighted final ranking names existing stages only. */
export function finalRankingErrors(definition: Pick<CallDefinition, 'stages' | 'finalRanking'>): FieldError[] {
  const { finalRanking, stages } = definition;
  if (finalRanking.rule !== 'weighted') return [];
  return Object.keys(finalRanking.weights)
    .filter((key) => !(/^[1-9][0-9]*$/.test(key) && Number(key) <= stages.length))
    .map((key) => ({
      field: `finalRanking.weights.${key}`,
      message: `the call has no stage ${key}; weights are keyed by stage position 1..${stages.length}`,
      code: 'UNKNOWN_STAGE',
    }));
}

/** The stages without what stage 1 mirrors of the call: what only a change of `stages` can change. */
export function ownStageFields(stages: ReviewStage[]): unknown[] {
  return stages.map((stage, index) => (index === 0 ? { name: stage.name, ...scheduleOf(stage) } : stage));
}

/**
 * Whether two versions of a call's stages differ at most in their due dates and reminder offsets,
 * which the secretariat may move while the review runs.
 */
export function onlySchedulesDiffer(current: ReviewStage[], next: ReviewStage[]): boolean {
  const withoutSchedules = (stages: ReviewStage[]) =>
    canonicalJson(ownStageFields(stages.map((stage) => ({ ...stage, ...NO_SCHEDULE }))));
  return withoutSchedules(current) === withoutSchedules(next);
}

export function scheduleOf(stage: StageSchedule): StageSchedule {
  return {
    evaluationDueAt: stage.evaluationDueAt,
    reminderDaysBefore: stage.reminderDaysBefore,
    reminderDaysAfter: stage.reminderDaysAfter,
  };
}

/** What the input says of the stage's schedule, each offset list in sending order; what it leaves out, none. */
function scheduleFromInput(input: ReviewStageInput): StageSchedule {
  return {
    evaluationDueAt: input.evaluationDueAt ?? null,
    reminderDaysBefore: input.reminderDaysBefore ? beforeInSendingOrder(input.reminderDaysBefore) : null,
    reminderDaysAfter: input.reminderDaysAfter ? afterInSendingOrder(input.reminderDaysAfter) : null,
  };
}

function pickFirstStageFields(call: FirstStageFields): FirstStageFields {
  return { scoring: call.scoring, evaluatorsPerApplication: call.evaluatorsPerApplication, criteria: call.criteria };
}

function laterStageFields(call: FirstStageFields, input: ReviewStageInput): FirstStageFields {
  return {
    scoring: input.scoring ?? call.scoring,
    evaluatorsPerApplication: input.evaluatorsPerApplication ?? call.evaluatorsPerApplication,
    criteria: input.criteria ?? [],
  };
}

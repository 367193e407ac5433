import type { Call } from '../../../api/types';

/** The address parameter of the review stage a page shows (`?stage=2`); stage 1 when absent. */
export const STAGE_PARAMETER = 'stage';

/** The stage the address asks for: a whole number from 1 (the API answers 404 for one the call lacks). */
export function readStage(params: URLSearchParams): number {
  const stage = Number(params.get(STAGE_PARAMETER));
  return Number.isInteger(stage) && stage > 1 ? stage : 1;
}

/** The API's query for a stage: nothing for stage 1, so that a call of one stage is read as it always was. */
export function stageQuery(stage: number): { stage?: number } {
  return stage === 1 ? {} : { stage };
}

/** What a stage is scored with: stage 1 is the call's own fields, a later stage has its own when it says so. */
export function stageSettings(call: Call, position: number) {
  const stage = call.stages.find((s) => s.position === position);
  return {
    name: stage?.name ?? '',
    scoring: stage?.scoring ?? call.scoring,
    evaluatorsPerApplication: stage?.evaluatorsPerApplication ?? call.evaluatorsPerApplication,
    /** The cohort's seats are drawn from the last stage's ranking. */
    last: position === call.stages.length,
  };
}

/** Whether the call is reviewed in several stages: only then do its pages choose one. */
export function hasStages(call: Call): boolean {
  return call.stages.length > 1;
}

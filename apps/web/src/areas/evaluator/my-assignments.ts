import { api, ok } from '../../api/client';
import { MAX_PAGE_SIZE, allPages } from '../../api/pages';
import { ApiProblem } from '../../api/problem';
import type { Call } from '../../api/types';
import { inReaderLanguage } from '../../shared/call-texts';
import { byWorkLeftThenDeadline, nextToEvaluate } from './assignment-order';

export type MyAssignment = Awaited<ReturnType<typeof fetchPage>>['items'][number];
export type AssignmentStatus = MyAssignment['status'];

/** One call's assignments, with the call they belong to. */
export interface CallGroup {
  call: Call;
  assignments: MyAssignment[];
}

/** A page as large as the API allows: an evaluator rarely holds more, so this is nearly always one request. */
function fetchPage(offset: number) {
  return ok(api.GET('/api/v1/me/assignments', { params: { query: { limit: MAX_PAGE_SIZE, offset } } }));
}

/** Every live assignment of the signed-in evaluator (assigned, draft or submitted), oldest first. */
export function allMyAssignments(): Promise<MyAssignment[]> {
  return allPages(fetchPage);
}

/**
 * One of the evaluator's live assignments (the API has no endpoint for a single one), with the next
 * one to evaluate in the same call, if any.
 */
export async function myAssignment(id: string): Promise<{ assignment: MyAssignment; next?: MyAssignment }> {
  const all = await allMyAssignments();
  const assignment = all.find((candidate) => candidate.id === id);
  if (!assignment) throw new ApiProblem(404, { code: 'NOT_FOUND' });
  const sameCall = all.filter(({ callId }) => callId === assignment.callId);
  return { assignment, next: nextToEvaluate(sameCall, id) };
}

/** The assignments by call: the calls with work left first, by deadline, then the finished ones. */
export async function myAssignmentsByCall(): Promise<CallGroup[]> {
  const byCall = new Map<string, MyAssignment[]>();
  for (const assignment of await allMyAssignments()) {
    byCall.set(assignment.callId, [...(byCall.get(assignment.callId) ?? []), assignment]);
  }
  const groups = await Promise.all(
    [...byCall].map(async ([callId, assignments]) => ({ call: await callOfAssignment(callId), assignments })),
  );
  return byWorkLeftThenDeadline(groups);
}

/** The call with its criteria, scale and questions, which the API shows the evaluators of its panel. */
export async function callOfAssignment(callId: string): Promise<Call> {
  // Its texts in the evaluator's language, English where not translated.
  return inReaderLanguage(await ok(api.GET('/api/v1/calls/{id}', { params: { path: { id: callId } } })));
}

import { api, ok } from '../../api/client';
import { MAX_PAGE_SIZE, allPages } from '../../api/pages';
import { ApiProblem } from '../../api/problem';
import type { Call } from '../../api/types';

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

/** One of the evaluator's live assignments; the API has no endpoint for a single one. */
export async function myAssignment(id: string): Promise<MyAssignment> {
  const found = (await allMyAssignments()).find((assignment) => assignment.id === id);
  if (!found) throw new ApiProblem(404, { code: 'NOT_FOUND' });
  return found;
}

/** The assignments by call, the calls in the order of their oldest assignment. */
export async function myAssignmentsByCall(): Promise<CallGroup[]> {
  const byCall = new Map<string, MyAssignment[]>();
  for (const assignment of await allMyAssignments()) {
    byCall.set(assignment.callId, [...(byCall.get(assignment.callId) ?? []), assignment]);
  }
  return Promise.all(
    [...byCall].map(async ([callId, assignments]) => ({ call: await callOfAssignment(callId), assignments })),
  );
}

/** The call with its criteria, scale and questions, which the API shows the evaluators of its panel. */
export function callOfAssignment(callId: string): Promise<Call> {
  return ok(api.GET('/api/v1/calls/{id}', { params: { path: { id: callId } } }));
}

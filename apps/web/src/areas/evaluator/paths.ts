export const ASSIGNMENTS_PATH = '/evaluator/assignments';

export function assignmentPath(id: string): string {
  return `${ASSIGNMENTS_PATH}/${id}`;
}

import { AssignmentInput, AssignmentResult, assignEvaluators } from './assignment';

/**
 * Automatic assignment over stable keys instead of ids. The algorithm breaks ties by id, and ids are
 * random: the same people and applications, entered again elsewhere, would pair differently. Keys
 * made of what people see (an organisation's name, an evaluator's e-mail), with the id appended so
 * they stay unique, make the pairing follow from the facts alone.
 */
export function assignInStableOrder(input: AssignmentInput, keyOf: (id: string) => string): AssignmentResult {
  const keys = stableKeys(input, keyOf);
  const result = assignEvaluators(keys.input);
  const idOf = keys.idOf;
  return {
    created: result.created.map((c) => ({ applicationId: idOf(c.applicationId), evaluatorId: idOf(c.evaluatorId) })),
    loads: new Map([...result.loads].map(([k, load]) => [idOf(k), load])),
    unassigned: result.unassigned.map((u) => ({ applicationId: idOf(u.applicationId), missing: u.missing })),
  };
}

/** The input with every id replaced by its stable key, and the way back from a key to its id. */
export function stableKeys(
  input: AssignmentInput,
  keyOf: (id: string) => string,
): { input: AssignmentInput; idOf: (key: string) => string } {
  const ids = new Map<string, string>();
  const key = (id: string) => {
    const k = `${keyOf(id)}\u0000${id}`;
    ids.set(k, id);
    return k;
  };
  return {
    input: {
      slots: input.slots,
      evaluators: input.evaluators.map(key),
      applications: input.applications.map((a) => ({
        id: key(a.id),
        assigned: a.assigned.map(key),
        conflicted: a.conflicted.map(key),
      })),
    },
    idOf: (k) => ids.get(k) ?? k,
  };
}

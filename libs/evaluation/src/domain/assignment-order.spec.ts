import fc from 'fast-check';
import { assignEvaluators } from './assignment';
import { assignInStableOrder } from './assignment-order';

/** Two databases holding the same people and applications under other ids. */
function world(ids: string[]) {
  const [e1, e2, e3, a1, a2, a3] = ids;
  const names = new Map([
    [e1, 'ana@panel.example'],
    [e2, 'ben@panel.example'],
    [e3, 'chloe@panel.example'],
    [a1, 'accra hub'],
    [a2, 'bogotá lab'],
    [a3, 'cairo centre'],
  ]);
  return {
    names,
    input: {
      slots: 2,
      evaluators: [e1, e2, e3],
      applications: [
        { id: a1, assigned: [], conflicted: [] },
        { id: a2, assigned: [], conflicted: [e3] },
        { id: a3, assigned: [], conflicted: [] },
      ],
    },
  };
}

const byName = (names: Map<string, string>, pairs: Array<{ applicationId: string; evaluatorId: string }>) =>
  pairs.map((p) => `${names.get(p.applicationId)} ← ${names.get(p.evaluatorId)}`).sort();

describe('assignInStableOrder', () => {
  it('pairs the same people with the same applications whatever their ids', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 12, maxLength: 12 }), (uuids) => {
        const first = world(uuids.slice(0, 6));
        const second = world(uuids.slice(6));
        const a = assignInStableOrder(first.input, (id) => first.names.get(id) ?? '');
        const b = assignInStableOrder(second.input, (id) => second.names.get(id) ?? '');
        expect(byName(first.names, a.created)).toEqual(byName(second.names, b.created));
      }),
    );
  });

  it('is the algorithm itself, with its ids given back: same loads, same shortfalls, no conflict assigned', () => {
    const { input, names } = world(['e1', 'e2', 'e3', 'a1', 'a2', 'a3']);
    const stable = assignInStableOrder(input, (id) => names.get(id) ?? '');
    const plain = assignEvaluators(input);
    expect([...stable.loads.values()].sort()).toEqual([...plain.loads.values()].sort());
    expect(stable.created).toHaveLength(plain.created.length);
    expect(stable.created).not.toContainEqual({ applicationId: 'a2', evaluatorId: 'e3' });
    expect([...stable.loads.keys()].sort()).toEqual(['e1', 'e2', 'e3']);
  });
});

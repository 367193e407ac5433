import fc from 'fast-check';
import { CallDefinition, CallStatus } from './call';
import { CallPatch, changeableFields, definitionOf, planCallChange } from './call-change';
import { CLOSES_AT, makeCall, thrown } from './testing/call-fixture';

type LockedField = Exclude<
  keyof CallDefinition,
  // A selection call has no sessions: a registration call's are tested on their own.
  'kind' | 'closesAt' | 'blind' | 'expertise' | 'translations' | 'sessions' | 'sessionAllocation'
>;

/** A valid new value for each field that only a draft may change. */
const LOCKED_CHANGES: { [K in LockedField]: Pick<CallPatch, K> } = (() => {
  const base = makeCall('draft');
  return {
    reference: { reference: 'BDT/DIR/DM/014' },
    title: { title: 'Another title' },
    description: { description: 'Another description.' },
    opensAt: { opensAt: new Date('2029-12-01T00:00:00Z') },
    cohortSize: { cohortSize: 8 },
    evaluatorsPerApplication: { evaluatorsPerApplication: 2 },
    eligibility: { eligibility: { ...base.eligibility, countryCodes: ['PS', 'VA'] } },
    selection: { selection: { ...base.selection, maxPerCountry: 3 } },
    scoring: { scoring: { ...base.scoring, normalization: 'none' } },
    assignment: { assignment: { excludeSameCountry: false } },
    criteria: { criteria: base.criteria.map((c, i) => (i === 0 ? { ...c, title: 'Impact on SMEs' } : c)) },
    questions: { questions: [...base.questions, { key: 'website', label: 'Website', type: 'url', required: false }] },
    stages: {
      stages: [
        // Stage 1's scale, evaluators and criteria are the call's, which other fields of the patch may change.
        { name: 'Written assessment' },
        {
          name: 'Panel interview',
          scoring: base.scoring,
          evaluatorsPerApplication: 2,
          criteria: [{ code: 'PITCH', title: 'Pitch', description: '', weight: 1 }],
          evaluationDueAt: null,
        },
      ],
    },
    finalRanking: { finalRanking: { rule: 'weighted', weights: { '1': 1 } } },
  };
})();
const LOCKED_FIELDS = Object.keys(LOCKED_CHANGES) as LockedField[];
const FIELD_ORDER = [...LOCKED_FIELDS.slice(0, 4), 'closesAt', ...LOCKED_FIELDS.slice(4)];

const patchOf = (fields: LockedField[]): CallPatch => Object.assign({}, ...fields.map((f) => LOCKED_CHANGES[f]));
const inOrder = (fields: string[]) => FIELD_ORDER.filter((f) => fields.includes(f));

/** A deep copy with every object's keys in reverse order (arrays keep theirs) and fresh Date instances. */
function reverseKeys<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  ) as T;
}

const afterOpening = fc.constantFrom<CallStatus>('open', 'closed', 'reviewing');
const beforePublication = fc.constantFrom<CallStatus>('draft', 'open', 'closed', 'reviewing');
const lockedSubset = (minLength: number) => fc.subarray(LOCKED_FIELDS, { minLength });
const weight = fc.double({ min: 0.01, max: 100, noNaN: true });
const weightsPatch = fc.option(
  fc
    .record({ IMPACT: weight, TEAM: weight, REACH: weight }, { requiredKeys: [] })
    .map((w) => w as Record<string, number>),
  { nil: undefined },
);

describe('changeableFields', () => {
  it.each([
    ['draft', [...FIELD_ORDER, 'blind', 'expertise', 'translations', 'weights']],
    ['open', ['closesAt', 'weights', 'blind', 'expertise', 'translations']],
    ['closed', ['weights', 'blind', 'expertise', 'translations']],
    ['reviewing', ['weights', 'translations']],
    ['published', []],
    ['archived', []],
  ] as const)('a %s call may change %j', (status, fields) => {
    expect(changeableFields(status)).toEqual(fields);
  });
});

describe('planCallChange', () => {
  it('takes translations until publication, and drops those of a criterion removed without sending them', () => {
    const translated = { fr: { title: 'Centres 2030', criteria: { TEAM: { title: 'Équipe' } } } };
    for (const status of ['open', 'closed', 'reviewing'] as const) {
      const planned = planCallChange(makeCall(status), { translations: translated });
      expect(planned.changedFields).toEqual(['translations']);
      expect(planned.definition.translations).toEqual(translated);
    }
    expect(thrown(() => planCallChange(makeCall('published'), { translations: {} })).code).toBe('COHORT_PUBLISHED');
    const draft = makeCall('draft', { translations: translated });
    const withoutTeam = draft.criteria.filter((c) => c.code !== 'TEAM');
    expect(planCallChange(draft, { criteria: withoutTeam }).definition.translations).toEqual({
      fr: { title: 'Centres 2030' },
    });
    const refused = thrown(() => planCallChange(draft, { criteria: withoutTeam, translations: translated }));
    expect(refused.errors?.map((e) => [e.field, e.code])).toEqual([
      ['translations.fr.criteria.TEAM', 'UNKNOWN_CRITERION'],
    ]);
  });

  it('lets a draft change any set of fields and reports exactly those', () => {
    fc.assert(
      fc.property(lockedSubset(0), fc.option(fc.integer({ min: -30, max: 30 }), { nil: undefined }), (fields, days) => {
        const patch = patchOf(fields);
        if (days !== undefined) patch.closesAt = new Date(CLOSES_AT + days * 86_400_000);
        const plan = planCallChange(makeCall('draft'), patch);
        const changed = days ? [...fields, 'closesAt'] : fields;
        expect(plan.changedFields).toEqual(inOrder(changed));
        for (const field of fields) {
          // Stages are given without what stage 1 takes from the call, and read with it.
          if (field === 'stages') {
            expect(plan.definition.stages.map((s) => s.name)).toEqual(['Written assessment', 'Panel interview']);
            expect(plan.definition.stages[0].criteria).toEqual(plan.definition.criteria);
          } else {
            expect(plan.definition[field]).toEqual((LOCKED_CHANGES[field] as Partial<CallDefinition>)[field]);
          }
        }
        expect(plan.weightsChanged).toBe(false);
      }),
    );
  });

  it('lets a draft replace its criteria and flags new weights', () => {
    const criteria = makeCall('draft').criteria.map((c) => ({ ...c, weight: c.weight * 2 }));
    const plan = planCallChange(makeCall('draft'), { criteria, title: 'New' });
    expect(plan.changedFields).toEqual(['title', 'criteria']);
    expect(plan.weightsChanged).toBe(true);
  });

  it('refuses, once opened, any patch that changes a locked field, naming each one', () => {
    fc.assert(
      fc.property(afterOpening, lockedSubset(1), weightsPatch, fc.nat(), (status, fields, weights, later) => {
        const closesAt = new Date(CLOSES_AT + (status === 'open' ? later : 0));
        const patch: CallPatch = { ...patchOf(fields), weights, closesAt };
        const error = thrown(() => planCallChange(makeCall(status), patch));
        expect(error.code).toBe('FIELD_LOCKED');
        for (const field of fields) expect(error.message).toContain(field);
        expect(error.message.split('; not ')[1]).not.toContain('closesAt');
      }),
    );
  });

  it('lets an open call take new positive weights and a later closesAt, a closed one new weights, flagging what changed', () => {
    fc.assert(
      fc.property(afterOpening, weightsPatch, fc.option(fc.nat(), { nil: undefined }), (status, weights, extension) => {
        const later = status === 'open' ? extension : undefined;
        const call = makeCall(status);
        const patch: CallPatch = { weights };
        if (later !== undefined) patch.closesAt = new Date(CLOSES_AT + later);
        const plan = planCallChange(call, patch);

        const expectedWeights = call.criteria.map((c) => weights?.[c.code] ?? c.weight);
        const reweighed = call.criteria.some((c, i) => expectedWeights[i] !== c.weight);
        expect(plan.weightsChanged).toBe(reweighed);
        expect(plan.definition.criteria.map((c) => c.weight)).toEqual(expectedWeights);
        expect(plan.definition.criteria.map(({ weight: _w, ...rest }) => rest)).toEqual(
          call.criteria.map(({ weight: _w, ...rest }) => rest),
        );
        expect(plan.definition.closesAt.getTime()).toBe(CLOSES_AT + (later ?? 0));
        const changed = [...(later ? ['closesAt'] : []), ...(reweighed ? ['criteria'] : [])];
        expect(plan.changedFields).toEqual(changed);
      }),
    );
  });

  it('lets a call become blind, or stop being blind, until its review starts, and not after', () => {
    for (const status of ['draft', 'open', 'closed'] as const) {
      const plan = planCallChange(makeCall(status), { blind: true });
      expect(plan).toMatchObject({ changedFields: ['blind'], definition: { blind: true } });
      expect(planCallChange(makeCall(status, { blind: true }), { blind: false }).changedFields).toEqual(['blind']);
    }
    const error = thrown(() => planCallChange(makeCall('reviewing'), { blind: true }));
    expect(error.code).toBe('FIELD_LOCKED');
    expect(error.message).toContain('blind');
    expect(planCallChange(makeCall('reviewing', { blind: true }), { blind: true }).changedFields).toEqual([]);
    expect(thrown(() => planCallChange(makeCall('published'), { blind: true })).code).toBe('COHORT_PUBLISHED');
  });

  it('lets the expertise keywords and topic question change until the review starts, and not after', () => {
    const expertise = { keywords: ['fintech', 'health'], topicQuestionKey: null };
    for (const status of ['draft', 'open', 'closed'] as const) {
      const plan = planCallChange(makeCall(status), { expertise });
      expect(plan).toMatchObject({ changedFields: ['expertise'], definition: { expertise } });
    }
    const error = thrown(() => planCallChange(makeCall('reviewing'), { expertise }));
    expect(error.code).toBe('FIELD_LOCKED');
    expect(error.message).toContain('not expertise');
  });

  it('refuses duplicate keywords and a topic question the call does not ask in text', () => {
    const duplicate = thrown(() =>
      planCallChange(makeCall('open'), { expertise: { keywords: ['FinTech', ' fintech '], topicQuestionKey: null } }),
    );
    expect(duplicate.errors).toEqual([expect.objectContaining({ code: 'DUPLICATE_KEYWORD' })]);
    const unknown = thrown(() =>
      planCallChange(makeCall('open'), { expertise: { keywords: [], topicQuestionKey: 'nowhere' } }),
    );
    expect(unknown.errors).toEqual([expect.objectContaining({ field: 'expertise.topicQuestionKey' })]);
  });

  it('lets an opened call take a criteria list that differs only in weights', () => {
    const call = makeCall('reviewing');
    const criteria = call.criteria.map((c) => ({ ...c, weight: 1 }));
    const plan = planCallChange(call, { criteria });
    expect(plan).toMatchObject({ changedFields: ['criteria'], weightsChanged: true });
  });

  it('refuses, once opened, reordered, renamed or removed criteria', () => {
    const call = makeCall('open');
    const [first, ...rest] = call.criteria;
    for (const criteria of [[...rest, first], rest, [{ ...first, code: 'IMPACT2' }, ...rest]]) {
      expect(thrown(() => planCallChange(call, { criteria })).code).toBe('FIELD_LOCKED');
    }
  });

  it("lets the stages' due dates and reminder offsets move until publication, and nothing else of them", () => {
    const dueAt = new Date('2030-05-01T12:00:00Z');
    for (const status of ['open', 'closed', 'reviewing'] as const) {
      const call = makeCall(status);
      const moved = { name: call.stages[0].name, evaluationDueAt: dueAt, reminderDaysBefore: [3, 10, 3] };
      const plan = planCallChange(call, { stages: [moved] });
      expect(plan.changedFields).toEqual(['stages']);
      expect(plan.definition.stages[0]).toMatchObject({
        evaluationDueAt: dueAt,
        reminderDaysBefore: [10, 3],
        reminderDaysAfter: null,
      });
      expect(thrown(() => planCallChange(call, { stages: [{ ...moved, name: 'Renamed' }] })).code).toBe('FIELD_LOCKED');
      const added = { ...moved, criteria: call.criteria };
      expect(thrown(() => planCallChange(call, { stages: [moved, added] })).code).toBe('FIELD_LOCKED');
    }
  });

  it('refuses, while open, to bring closesAt forward', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 * 86_400_000 }), weightsPatch, (ms, weights) => {
        const error = thrown(() => planCallChange(makeCall('open'), { closesAt: new Date(CLOSES_AT - ms), weights }));
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.errors).toEqual([expect.objectContaining({ field: 'closesAt' })]);
      }),
    );
  });

  it('refuses, once closed, any new closesAt: a later deadline would reopen nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CallStatus>('closed', 'reviewing'),
        fc.integer({ min: -30 * 86_400_000, max: 30 * 86_400_000 }).filter((ms) => ms !== 0),
        weightsPatch,
        (status, ms, weights) => {
          const error = thrown(() => planCallChange(makeCall(status), { closesAt: new Date(CLOSES_AT + ms), weights }));
          expect(error.code).toBe('FIELD_LOCKED');
          expect(error.message).toMatch(/only weights(, blind, expertise)? and translations can change; not closesAt/);
        },
      ),
    );
  });

  it('refuses every patch, even an empty one, once the cohort is published', () => {
    fc.assert(
      fc.property(fc.constantFrom<CallStatus>('published', 'archived'), lockedSubset(0), weightsPatch, (s, f, w) => {
        expect(thrown(() => planCallChange(makeCall(s), { ...patchOf(f), weights: w })).code).toBe('COHORT_PUBLISHED');
      }),
    );
  });

  it('does not count key order, fresh Date instances or undefined fields as changes', () => {
    fc.assert(
      fc.property(beforePublication, (status) => {
        const call = makeCall(status);
        const patch: CallPatch = { ...reverseKeys(definitionOf(call)), weights: { TEAM: 0.3 }, title: undefined };
        expect(planCallChange(call, patch)).toEqual({
          definition: definitionOf(call),
          changedFields: [],
          weightsChanged: false,
        });
      }),
    );
  });

  it('counts a new order of list items as a change', () => {
    const call = makeCall('draft');
    const plan = planCallChange(call, { questions: [...call.questions].reverse() });
    expect(plan.changedFields).toEqual(['questions']);
  });

  it('refuses weights for codes the call does not have', () => {
    const error = thrown(() => planCallChange(makeCall('open'), { weights: { IMPACT: 1, impact: 2, NOPE: 3 } }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors?.map((e) => e.field)).toEqual(['weights.impact', 'weights.NOPE']);
  });

  it('keeps the weight of criteria the patch does not name, whatever their code', () => {
    const call = makeCall('open', {
      criteria: ['constructor', 'toString', 'IMPACT'].map((code) => ({
        code,
        title: code,
        description: '',
        weight: 1,
      })),
    });
    const plan = planCallChange(call, { weights: { IMPACT: 2 } });
    expect(plan.definition.criteria.map((c) => c.weight)).toEqual([1, 1, 2]);
    expect(plan.changedFields).toEqual(['criteria']);
  });

  it('checks the resulting definition as a whole', () => {
    const error = thrown(() => planCallChange(makeCall('draft'), { opensAt: new Date(CLOSES_AT) }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors).toEqual([expect.objectContaining({ field: 'closesAt' })]);
    const quota = thrown(() =>
      planCallChange(makeCall('draft'), { cohortSize: 1, selection: { minPerRegion: { AFR: 2 } } }),
    );
    expect(quota.errors?.map((e) => e.field)).toEqual(['selection.minPerRegion']);
  });

  it('leaves the call it was given untouched', () => {
    const call = makeCall('open');
    const before = structuredClone(call);
    planCallChange(call, { weights: { IMPACT: 9 }, closesAt: new Date(CLOSES_AT + 1) });
    expect(call).toEqual(before);
  });
});

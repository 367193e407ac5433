import fc from 'fast-check';
import { APPLICATION_STATUSES } from './application';
import { NamedApplication, reminderOutcomes, strangers, undecidable } from './bulk-actions';

const CALL = 'call-1';
const named = (id: string, status: NamedApplication['status'] = 'submitted', callId = CALL): NamedApplication => ({
  id,
  callId,
  status,
});

describe('bulk actions', () => {
  it('names each id that is not an application of the call, in the order given', () => {
    const found = [named('a'), named('b', 'draft', 'call-2')];
    expect(strangers(CALL, ['x', 'a', 'b'], found).map((e) => e.params)).toEqual([
      { applicationId: 'x' },
      { applicationId: 'b' },
    ]);
    expect(strangers(CALL, ['a'], found)).toEqual([]);
  });

  it('names each application that cannot take an eligibility decision, with its status', () => {
    const errors = undecidable([named('a'), named('b', 'draft'), named('c', 'withdrawn')]);
    expect(errors.map((e) => [e.code, e.params])).toEqual([
      ['NOT_SUBMITTED', { applicationId: 'b', status: 'draft' }],
      ['NOT_SUBMITTED', { applicationId: 'c', status: 'withdrawn' }],
    ]);
  });

  it('answers one reminder outcome per id: reminded now, a draft reminded earlier, or not a draft', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.uuid(), fc.constantFrom(...APPLICATION_STATUSES), fc.boolean()), {
          selector: ([id]) => id,
        }),
        (rows) => {
          const found = rows.map(([id, status]) => named(id, status));
          const reminded = new Set(rows.filter(([, status, now]) => status === 'draft' && now).map(([id]) => id));
          const outcomes = reminderOutcomes(
            rows.map(([id]) => id),
            found,
            reminded,
          );
          expect(outcomes.map((o) => o.applicationId)).toEqual(rows.map(([id]) => id));
          for (const [[, status, now], { outcome }] of rows.map((row, i) => [row, outcomes[i]] as const)) {
            expect(outcome).toBe(status !== 'draft' ? 'not_draft' : now ? 'reminded' : 'already_reminded_today');
          }
        },
      ),
    );
  });
});

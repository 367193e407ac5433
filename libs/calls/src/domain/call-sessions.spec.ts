import { CallStatus } from './call';
import { changeableFields, planCallChange } from './call-change';
import { CLOSES_AT, makeCall, thrown } from './testing/call-fixture';

describe('a registration call’s sessions and their allocation rule', () => {
  it('lets a registration call change its sessions while draft and their allocation rule until it closes', () => {
    expect(changeableFields('draft', 'registration')).toEqual(
      expect.arrayContaining(['sessions', 'sessionAllocation']),
    );
    expect(changeableFields('open', 'registration')).toContain('sessionAllocation');
    expect(changeableFields('closed', 'registration')).toEqual([
      'weights',
      'blind',
      'expertise',
      'translations',
      'sessionAllocation',
    ]);
    expect(changeableFields('reviewing', 'registration')).toEqual(['weights', 'translations']);
  });

  it('changes a registration call’s sessions while draft, and its allocation rule until publication', () => {
    const session = { key: 'hlps', title: 'Policy session', startsAt: new Date(CLOSES_AT), endsAt: null, capacity: 4 };
    const registration = (status: CallStatus) =>
      makeCall(status, {
        kind: 'registration',
        criteria: [],
        sessions: [session],
        sessionAllocation: { rule: 'receipt' },
      });
    const more = { sessions: [session, { ...session, key: 'hlps_2', capacity: 2 }] };
    expect(planCallChange(registration('draft'), more).changedFields).toEqual(['sessions']);
    expect(thrown(() => planCallChange(registration('open'), more)).code).toBe('FIELD_LOCKED');
    const limited = { sessionAllocation: { rule: 'receipt' as const, maxPerCountry: 1 } };
    expect(planCallChange(registration('closed'), limited).definition.sessionAllocation).toEqual(
      limited.sessionAllocation,
    );
    const refused = thrown(() => planCallChange(makeCall('draft'), { sessions: [session] }));
    expect(refused.errors?.map((e) => [e.field, e.code])).toEqual([['sessions', 'NOT_A_REGISTRATION']]);
  });
});

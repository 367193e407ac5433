import fc from 'fast-check';
import { invitationCalls, invitationPayload, invitationStatus } from './invitation';

describe('invitations', () => {
  it('seat only evaluators on panels, each call once', () => {
    fc.assert(
      fc.property(fc.array(fc.uuid(), { maxLength: 8 }), (callIds) => {
        expect(invitationCalls('evaluator', callIds)).toEqual([...new Set(callIds)]);
      }),
    );
    expect(invitationCalls('secretariat', [])).toEqual([]);
    expect(invitationCalls('secretariat')).toEqual([]);
    expect(() => invitationCalls('secretariat', ['a'])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('read the calls of a stored payload, ignoring anything else', () => {
    expect(invitationPayload({ callIds: ['a', 2, 'b'], other: true })).toEqual({ callIds: ['a', 'b'] });
    expect(invitationPayload({})).toEqual({ callIds: [] });
    expect(invitationPayload({ callIds: 'a' })).toEqual({ callIds: [] });
  });

  it('call a used link accepted, and keep the other statuses', () => {
    expect(invitationStatus('used')).toBe('accepted');
    expect(invitationStatus('pending')).toBe('pending');
    expect(invitationStatus('expired')).toBe('expired');
    expect(invitationStatus('revoked')).toBe('revoked');
  });
});

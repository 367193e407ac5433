import fc from 'fast-check';
import { AGREEMENT_STATUSES, AgreementAction, agreementAfter } from './agreement';

describe('a cooperation agreement', () => {
  it('is signed by the centre, then countersigned by the secretariat', () => {
    expect(agreementAfter('sign', 'issued')).toBe('signed');
    expect(agreementAfter('countersign', 'signed')).toBe('countersigned');
  });

  it('takes a new signed copy until it is countersigned', () => {
    expect(agreementAfter('sign', 'signed')).toBe('signed');
    expect(() => agreementAfter('sign', 'countersigned')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });

  it('goes back to the centre when the secretariat returns its signed copy', () => {
    expect(agreementAfter('return', 'signed')).toBe('issued');
    expect(() => agreementAfter('return', 'issued')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
  });

  it('cannot be countersigned before the centre has signed it', () => {
    expect(() => agreementAfter('countersign', 'issued')).toThrow(
      'A cooperation agreement that is issued cannot be countersigned.',
    );
  });

  it('is final once countersigned, whatever happens next', () => {
    const actions = fc.constantFrom<AgreementAction>('sign', 'return', 'countersign');
    fc.assert(
      fc.property(actions, (action) => {
        expect(() => agreementAfter(action, 'countersigned')).toThrow(
          expect.objectContaining({ code: 'INVALID_TRANSITION' }),
        );
      }),
    );
  });
});

import fc from 'fast-check';
import { AGREEMENT_STATUSES, AgreementAction, agreementAfter } from './agreement';

describe('a cooperation agreement', () => {
  it('is signed by the centre, then countersigned by the secretariat', () => {
    expect(agreementAfter('sign', { status: 'issued', centreWithdrawn: false })).toBe('signed');
    expect(agreementAfter('countersign', { status: 'signed', centreWithdrawn: false })).toBe('countersigned');
  });

  it('takes a new signed copy until it is countersigned', () => {
    expect(agreementAfter('sign', { status: 'signed', centreWithdrawn: false })).toBe('signed');
    expect(() => agreementAfter('sign', { status: 'countersigned', centreWithdrawn: false })).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });

  it('goes back to the centre when the secretariat returns its signed copy', () => {
    expect(agreementAfter('return', { status: 'signed', centreWithdrawn: false })).toBe('issued');
    expect(() => agreementAfter('return', { status: 'issued', centreWithdrawn: false })).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });

  it('cannot be countersigned before the centre has signed it', () => {
    expect(() => agreementAfter('countersign', { status: 'issued', centreWithdrawn: false })).toThrow(
      'A cooperation agreement that is issued cannot be countersigned.',
    );
  });

  it('moves no more once the centre is withdrawn from the cohort', () => {
    const actions = fc.constantFrom<AgreementAction>('sign', 'return', 'countersign');
    fc.assert(
      fc.property(actions, fc.constantFrom(...AGREEMENT_STATUSES), (action, status) => {
        expect(() => agreementAfter(action, { status, centreWithdrawn: true })).toThrow(
          expect.objectContaining({ code: 'INVALID_TRANSITION' }),
        );
      }),
    );
  });

  it('is final once countersigned, whatever happens next', () => {
    const actions = fc.constantFrom<AgreementAction>('sign', 'return', 'countersign');
    fc.assert(
      fc.property(actions, (action) => {
        expect(() => agreementAfter(action, { status: 'countersigned', centreWithdrawn: false })).toThrow(
          expect.objectContaining({ code: 'INVALID_TRANSITION' }),
        );
      }),
    );
  });
});

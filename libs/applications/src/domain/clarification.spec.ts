import fc from 'fast-check';
import {
  Clarification,
  REPLY_WINDOW_MAX_DAYS,
  StoredClarificationStatus,
  asSeenBy,
  assertCanAnswer,
  assertCanDecide,
  effectiveStatus,
  mayRead,
  replyByErrors,
} from './clarification';
import { outcome } from './testing/outcome';

const STORED: StoredClarificationStatus[] = ['proposed', 'sent', 'declined', 'answered'];
const NOW = new Date('2026-12-03T12:00:00Z');
const HOUR = 3_600_000;

const request = (overrides: Partial<Clarification> = {}): Clarification => ({
  id: 'c1',
  applicationId: 'a1',
  callId: 'k1',
  status: 'sent',
  question: 'How many start-ups did you support in 2025?',
  proposedQuestion: 'How many start-ups last year?',
  replyBy: new Date(NOW.getTime() + 48 * HOUR),
  proposedBy: { id: 'e1', displayName: 'Evaluator One' },
  proposedAt: NOW,
  sentBy: { id: 's1', displayName: 'Secretariat' },
  sentAt: NOW,
  declinedAt: null,
  declineReason: null,
  answer: null,
  answeredBy: null,
  answeredAt: null,
  document: null,
  createdAt: NOW,
  ...overrides,
});

describe('clarification requests', () => {
  it('are expired exactly when sent and at or past their deadline', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STORED), fc.integer({ min: -1e9, max: 1e9 }), (stored, offset) => {
        const replyBy = new Date(NOW.getTime() + offset);
        const expected = stored === 'sent' && offset <= 0 ? 'expired' : stored;
        expect(effectiveStatus(stored, replyBy, NOW)).toBe(expected);
      }),
    );
  });

  it('are sent or declined only while proposed', () => {
    for (const action of ['sent', 'declined'] as const) {
      const actual = Object.fromEntries(STORED.map((s) => [s, outcome(() => assertCanDecide(s, action))]));
      expect(actual).toEqual({
        proposed: 'allowed',
        sent: 'INVALID_TRANSITION',
        declined: 'INVALID_TRANSITION',
        answered: 'INVALID_TRANSITION',
      });
    }
  });

  it('take an answer while sent and before the deadline; after it they are expired (409)', () => {
    const before = new Date(NOW.getTime() + 1);
    const actual = Object.fromEntries(STORED.map((s) => [s, outcome(() => assertCanAnswer(s, before, NOW))]));
    expect(actual).toEqual({
      proposed: 'INVALID_TRANSITION',
      sent: 'allowed',
      declined: 'INVALID_TRANSITION',
      answered: 'INVALID_TRANSITION',
    });
    expect(outcome(() => assertCanAnswer('sent', NOW, NOW))).toBe('CLARIFICATION_EXPIRED');
  });

  it('need a reply deadline in the future and within the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e10, max: 1e11 }), (offset) => {
        const errors = replyByErrors(new Date(NOW.getTime() + offset), NOW);
        const valid = offset > 0 && offset <= REPLY_WINDOW_MAX_DAYS * 24 * HOUR;
        expect(errors.length === 0).toBe(valid);
        for (const error of errors) expect(error.field).toBe('replyBy');
      }),
    );
  });

  it('show the applicant only what was sent to it, and never who proposed it or in which words', () => {
    const proposal = request({ status: 'proposed', sentAt: null, sentBy: null });
    expect(mayRead({ kind: 'applicant' }, proposal)).toBe(false);
    expect(mayRead({ kind: 'evaluator', id: 'e1' }, proposal)).toBe(true);
    expect(mayRead({ kind: 'evaluator', id: 'e2' }, proposal)).toBe(false);
    expect(mayRead({ kind: 'secretariat' }, proposal)).toBe(true);
    for (const reader of [{ kind: 'applicant' }, { kind: 'evaluator', id: 'e2' }] as const) {
      expect(mayRead(reader, request())).toBe(true);
    }
    const seen = asSeenBy({ kind: 'applicant' }, request());
    expect(seen).toMatchObject({ proposedQuestion: null, proposedBy: null, proposedAt: null, sentBy: null });
    expect(seen.question).toBe(request().question);
    expect(asSeenBy({ kind: 'evaluator', id: 'e2' }, request())).toEqual(request());
  });
});

import fc from 'fast-check';
import { AccountLink, accountLinkRefusal, accountLinkStatus } from './account-link';

const now = new Date('2026-06-01T12:00:00Z');
const hour = 3_600_000;

function link(overrides: Partial<AccountLink> = {}): AccountLink {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    purpose: 'invitation',
    userId: 'user-1',
    payload: {},
    createdBy: null,
    expiresAt: new Date(now.getTime() + hour),
    usedAt: null,
    revokedAt: null,
    createdAt: new Date(now.getTime() - hour),
    ...overrides,
  };
}

describe('accountLinkRefusal', () => {
  it('accepts a pending link of the expected purpose and user', () => {
    expect(accountLinkRefusal(link(), { purpose: 'invitation' }, now)).toBeNull();
    expect(accountLinkRefusal(link(), { purpose: 'invitation', userId: 'user-1' }, now)).toBeNull();
  });

  it('refuses an unknown token and a link of another purpose alike', () => {
    expect(accountLinkRefusal(null, { purpose: 'invitation' }, now)?.code).toBe('LINK_INVALID');
    expect(accountLinkRefusal(link(), { purpose: 'password_reset' }, now)?.code).toBe('LINK_INVALID');
  });

  it('refuses a link of another account', () => {
    expect(accountLinkRefusal(link(), { purpose: 'invitation', userId: 'user-2' }, now)?.code).toBe('LINK_WRONG_USER');
  });

  it('refuses a used, a revoked and an expired link each with its own code', () => {
    expect(accountLinkRefusal(link({ usedAt: now }), { purpose: 'invitation' }, now)?.code).toBe('LINK_USED');
    expect(accountLinkRefusal(link({ revokedAt: now }), { purpose: 'invitation' }, now)?.code).toBe('LINK_REVOKED');
    expect(accountLinkRefusal(link({ expiresAt: now }), { purpose: 'invitation' }, now)?.code).toBe('LINK_EXPIRED');
  });

  it('names a used link used and a revoked one revoked even once expired', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.boolean(),
        fc.boolean(),
        (expiresInMinutes, used, revoked) => {
          const subject = link({
            expiresAt: new Date(now.getTime() + expiresInMinutes * 60_000),
            usedAt: used ? now : null,
            revokedAt: revoked && !used ? now : null,
          });
          const status = accountLinkStatus(subject, now);
          const refusal = accountLinkRefusal(subject, { purpose: 'invitation' }, now);
          if (used) expect(status).toBe('used');
          else if (revoked) expect(status).toBe('revoked');
          else expect(status).toBe(expiresInMinutes > 0 ? 'pending' : 'expired');
          expect(refusal === null).toBe(status === 'pending');
        },
      ),
    );
  });
});

import fc from 'fast-check';
import type { AuthUser, Role } from '@app/platform/auth/auth.types';
import { accountChangeEffect, accountChangeRefusal, normaliseReason, removesAnAdmin } from './account-change';
import { User } from './user';

const STAFF = ['evaluator', 'secretariat', 'admin'] as const;

function user(id: string, role: Role, active = true, invited = false): User {
  return {
    id,
    email: `${id}@example.org`,
    role,
    displayName: id,
    countryCode: null,
    affiliation: null,
    locale: 'en',
    organisationId: null,
    active,
    invited,
    tokenVersion: 0,
    createdAt: new Date(0),
  } as User;
}

function actor(id: string, role: Role): AuthUser {
  return { id, role, organisationId: null };
}

const roleArb = fc.constantFrom<Role>('applicant', 'evaluator', 'secretariat', 'admin');
const changeArb = fc.record({ role: fc.constantFrom(...STAFF), active: fc.boolean() }, { requiredKeys: [] });

describe('accountChangeRefusal', () => {
  const admin = actor('a', 'admin');
  const secretariat = actor('s', 'secretariat');

  it('wants something to change', () => {
    expect(accountChangeRefusal(admin, user('t', 'evaluator'), {})?.code).toBe('VALIDATION_FAILED');
  });

  it('refuses every change of one’s own account', () => {
    expect(accountChangeRefusal(admin, user('a', 'admin'), { active: false })?.code).toBe('FORBIDDEN');
    expect(accountChangeRefusal(secretariat, user('s', 'secretariat'), { role: 'evaluator' })?.code).toBe('FORBIDDEN');
  });

  it('leaves administrators and the admin role to administrators', () => {
    expect(accountChangeRefusal(secretariat, user('t', 'admin'), { active: false })?.code).toBe('FORBIDDEN');
    expect(accountChangeRefusal(secretariat, user('t', 'evaluator'), { role: 'admin' })?.code).toBe('FORBIDDEN');
    expect(accountChangeRefusal(admin, user('t', 'evaluator'), { role: 'admin' })).toBeUndefined();
  });

  it('lets the secretariat deactivate, reactivate and move staff that are not administrators', () => {
    expect(accountChangeRefusal(secretariat, user('t', 'evaluator'), { active: false })).toBeUndefined();
    expect(accountChangeRefusal(secretariat, user('t', 'evaluator', false), { active: true })).toBeUndefined();
    expect(accountChangeRefusal(secretariat, user('t', 'evaluator'), { role: 'secretariat' })).toBeUndefined();
    expect(accountChangeRefusal(secretariat, user('t', 'applicant'), { active: false })).toBeUndefined();
  });

  it('gives an applicant no staff role', () => {
    expect(accountChangeRefusal(admin, user('t', 'applicant'), { role: 'evaluator' })?.code).toBe('INVALID_TRANSITION');
  });

  it('activates an invited account only by its invitation, whatever else the change does', () => {
    fc.assert(
      fc.property(fc.constantFrom<Role>('evaluator', 'secretariat', 'applicant'), changeArb, (role, change) => {
        const refusal = accountChangeRefusal(admin, user('t', role, false, true), change);
        if (change.active === true) expect(refusal?.code).toBe('ACCOUNT_INVITED');
        else expect(refusal?.code).not.toBe('ACCOUNT_INVITED');
      }),
    );
  });

  it('keeps the last active administrator', () => {
    const context = { activeAdmins: 1 };
    expect(accountChangeRefusal(admin, user('t', 'admin'), { active: false }, context)?.code).toBe('LAST_ADMIN');
    expect(accountChangeRefusal(admin, user('t', 'admin'), { role: 'secretariat' }, context)?.code).toBe('LAST_ADMIN');
    expect(accountChangeRefusal(admin, user('t', 'admin'), { role: 'admin' }, context)).toBeUndefined();
    expect(accountChangeRefusal(admin, user('t', 'admin'), { active: false }, { activeAdmins: 2 })).toBeUndefined();
  });

  it('accepts nothing a secretariat member does to an administrator, whatever the change', () => {
    fc.assert(
      fc.property(changeArb, fc.boolean(), (change, active) => {
        expect(accountChangeRefusal(secretariat, user('t', 'admin', active), change)).toBeDefined();
      }),
    );
  });

  it('never lets a change leave no active administrator', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ role: roleArb, active: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        fc.nat(5),
        changeArb,
        (accounts, index, change) => {
          const users = accounts.map((a, i) => user(`u${i}`, a.role, a.active));
          const target = users[index % users.length];
          const activeAdmins = users.filter((u) => u.role === 'admin' && u.active).length;
          if (accountChangeRefusal(admin, target, change, { activeAdmins }) !== undefined) return;
          const after = users.map((u) => (u === target ? { ...u, ...accountChangeEffect(u, change) } : u));
          const remaining = after.filter((u) => u.role === 'admin' && u.active).length;
          expect(remaining === 0 && activeAdmins > 0).toBe(false);
        },
      ),
    );
  });

  it('refuses nobody’s own account, and allows any change an administrator makes to another non-admin staff member', () => {
    fc.assert(
      fc.property(roleArb, fc.constantFrom<Role>('evaluator', 'secretariat'), changeArb, (actorRole, role, change) => {
        fc.pre(change.role !== undefined || change.active !== undefined);
        expect(accountChangeRefusal(actor('x', actorRole), user('x', role), change)?.code).toBe('FORBIDDEN');
        expect(accountChangeRefusal(admin, user('t', role), change)).toBeUndefined();
      }),
    );
  });
});

describe('accountChangeEffect', () => {
  it('keeps only what differs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STAFF), fc.boolean(), changeArb, (role, active, change) => {
        const effect = accountChangeEffect(user('t', role, active), change);
        if (effect.role !== undefined) expect(effect.role).not.toBe(role);
        if (effect.active !== undefined) expect(effect.active).not.toBe(active);
        expect({ role, active, ...change }).toEqual({ role, active, ...effect, ...change });
      }),
    );
  });
});

describe('removesAnAdmin', () => {
  it('is true only for an active admin losing the role or its access', () => {
    expect(removesAnAdmin(user('t', 'admin'), { active: false })).toBe(true);
    expect(removesAnAdmin(user('t', 'admin'), { role: 'evaluator' })).toBe(true);
    expect(removesAnAdmin(user('t', 'admin', false), { role: 'evaluator' })).toBe(false);
    expect(removesAnAdmin(user('t', 'admin'), { active: true, role: 'admin' })).toBe(false);
    expect(removesAnAdmin(user('t', 'secretariat'), { active: false })).toBe(false);
  });
});

describe('normaliseReason', () => {
  it('trims and drops a blank reason', () => {
    expect(normaliseReason('  left the network ')).toBe('left the network');
    expect(normaliseReason('   ')).toBeNull();
    expect(normaliseReason(undefined)).toBeNull();
  });
});

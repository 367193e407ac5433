import fc from 'fast-check';
import { SSO_RULE_ROLES, parseSsoRoleRules, roleForNewSsoAccount, safeReturnPath } from './sso';

describe('single sign-on role rules', () => {
  it('reads domain=role pairs, domains without case, spaces and empty parts ignored', () => {
    expect(parseSsoRoleRules(' ITU.int = secretariat , other.org=evaluator,, ')).toEqual({
      rules: [
        { domain: 'itu.int', role: 'secretariat' },
        { domain: 'other.org', role: 'evaluator' },
      ],
    });
    expect(parseSsoRoleRules('')).toEqual({ rules: [] });
  });

  it.each([
    ['itu.int=admin', /admin/],
    ['itu.int', /domain=role/],
    ['itu.int=evaluator=x', /domain=role/],
    ['not a domain=evaluator', /domain=role/],
    ['itu.int=evaluator,ITU.INT=secretariat', /twice/],
  ])('refuses %s', (text, reason) => {
    const parsed = parseSsoRoleRules(text);
    expect('error' in parsed && parsed.error).toMatch(reason);
  });

  it('gives the rule of the exact domain to a verified address, applicant otherwise', () => {
    const rules = [{ domain: 'itu.int', role: 'secretariat' as const }];
    expect(roleForNewSsoAccount('Ada@ITU.int', true, rules)).toBe('secretariat');
    expect(roleForNewSsoAccount('ada@itu.int', false, rules)).toBe('applicant');
    expect(roleForNewSsoAccount('ada@dept.itu.int', true, rules)).toBe('applicant');
    expect(roleForNewSsoAccount('ada@itu.int.evil.example', true, rules)).toBe('applicant');
  });

  it('never gives admin, nor a role without a rule for the domain, whatever the rules and address', () => {
    const domain = fc.domain().map((d) => d.toLowerCase());
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ domain, role: fc.constantFrom(...SSO_RULE_ROLES) }), {
          selector: (rule) => rule.domain,
          maxLength: 5,
        }),
        fc.emailAddress(),
        fc.boolean(),
        (rules, email, verified) => {
          const role = roleForNewSsoAccount(email, verified, rules);
          expect(role).not.toBe('admin');
          const ruled = rules.find((rule) => email.toLowerCase().endsWith(`@${rule.domain}`));
          expect(role).toBe(verified && ruled ? ruled.role : 'applicant');
          // The text of the rules reads back as the same rules.
          const text = rules.map((rule) => `${rule.domain}=${rule.role}`).join(',');
          expect(parseSsoRoleRules(text)).toEqual({ rules });
        },
      ),
    );
  });
});

describe('the path to return to after single sign-on', () => {
  it('keeps paths of the web app only', () => {
    expect(safeReturnPath('/invitations/accept?token=abc')).toBe('/invitations/accept?token=abc');
    for (const value of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'relative', '', 42, null]) {
      expect(safeReturnPath(value)).toBeNull();
    }
    expect(safeReturnPath(`/${'a'.repeat(512)}`)).toBeNull();
  });

  it('never answers something a browser would read as another origin', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (value) => {
        const kept = safeReturnPath(value);
        if (kept !== null) expect(new URL(kept, 'https://platform.example').origin).toBe('https://platform.example');
      }),
    );
  });
});

import fc from 'fast-check';
import { emailDomain } from '@app/platform/email/email-domain';
import { PUBLIC_MAIL_DOMAINS, mayLeave, organisationalDomains, sharedDomains } from './team';

describe('team rules', () => {
  it('leaves out public providers and the configured shared domains', () => {
    const shared = sharedDomains(' Test.Example , ,centres.example');
    expect(shared.has('gmail.com')).toBe(true);
    expect(shared.has('test.example')).toBe(true);
    expect(shared.has('centres.example')).toBe(true);
    expect(
      organisationalDomains(
        ['a@hub.example', 'b@HUB.example', 'c@gmail.com', 'd@test.example', 'e@lab.example'],
        shared,
      ),
    ).toEqual(['hub.example', 'lab.example']);
  });

  it('the last member may not leave; any other may', () => {
    expect(mayLeave(1)).toBe(false);
    expect(mayLeave(0)).toBe(false);
    expect(mayLeave(2)).toBe(true);
  });

  it('an organisational domain is always a member domain, never a shared one, and each appears once', () => {
    const domain = fc.constantFrom('hub.example', 'lab.example', 'gmail.com', 'test.example', 'Hub.Example');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), domain)), (pairs) => {
        const emails = pairs.map(([local, d]) => `${local}@${d}`);
        const shared = sharedDomains('test.example');
        const result = organisationalDomains(emails, shared);
        expect(new Set(result).size).toBe(result.length);
        for (const d of result) {
          expect(shared.has(d)).toBe(false);
          expect(emails.map(emailDomain)).toContain(d);
        }
        for (const e of emails) if (!shared.has(emailDomain(e))) expect(result).toContain(emailDomain(e));
      }),
    );
  });

  it('every public provider is written in lower case', () => {
    for (const d of PUBLIC_MAIL_DOMAINS) expect(d).toBe(d.toLowerCase());
  });
});

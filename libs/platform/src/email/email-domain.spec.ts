import { emailDomain } from './email-domain';

describe('emailDomain', () => {
  it('takes the domain after the last @, lower-cased, without a trailing dot', () => {
    expect(emailDomain('Ada@Hub.Example.ORG')).toBe('hub.example.org');
    expect(emailDomain('"a@b"@lab.example')).toBe('lab.example');
    expect(emailDomain('someone@centre.example.')).toBe('centre.example');
    expect(emailDomain('no-at-sign')).toBe('');
  });
});

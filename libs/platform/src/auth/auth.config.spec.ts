import { trustedProxies } from './auth.config';

describe('trustedProxies (TRUST_PROXY)', () => {
  it('trusts no proxy when unset, empty or none', () => {
    expect(trustedProxies(undefined)).toBe(false);
    expect(trustedProxies(' ')).toBe(false);
    expect(trustedProxies('none')).toBe(false);
  });

  it('reads a number of hops as a number and passes addresses and names to Express as written', () => {
    expect(trustedProxies('2')).toBe(2);
    expect(trustedProxies('loopback')).toBe('loopback');
    expect(trustedProxies('10.0.0.0/8, 192.0.2.1')).toBe('10.0.0.0/8, 192.0.2.1');
  });
});

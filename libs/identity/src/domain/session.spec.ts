import fc from 'fast-check';
import { MAX_USER_AGENT_LENGTH, sessionClient } from './session';

describe('sessionClient', () => {
  it('keeps a trimmed user agent and address, nothing for blanks or an absent client', () => {
    expect(sessionClient({ userAgent: '  Firefox  ', ip: ' 192.0.2.1 ' })).toEqual({
      userAgent: 'Firefox',
      ip: '192.0.2.1',
    });
    expect(sessionClient({ userAgent: '   ', ip: '' })).toEqual({ userAgent: null, ip: null });
    expect(sessionClient(undefined)).toEqual({ userAgent: null, ip: null });
  });

  it('never keeps more than its bound, whatever the client sends', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 2000 })), fc.option(fc.string({ maxLength: 200 })), (ua, ip) => {
        const kept = sessionClient({ userAgent: ua, ip });
        expect((kept.userAgent ?? '').length).toBeLessThanOrEqual(MAX_USER_AGENT_LENGTH);
        expect((kept.ip ?? '').length).toBeLessThanOrEqual(64);
        if (kept.userAgent !== null) expect(kept.userAgent).not.toBe('');
      }),
    );
  });
});

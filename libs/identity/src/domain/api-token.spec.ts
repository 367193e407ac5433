import fc from 'fast-check';
import { MAX_API_TOKEN_LIFETIME_DAYS, apiTokenExpiryRefusal } from './api-token';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_MS = MAX_API_TOKEN_LIFETIME_DAYS * DAY_MS;

describe('API token expiry', () => {
  it('is accepted exactly after now and within the longest lifetime', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
        fc.integer({ min: -MAX_MS, max: 2 * MAX_MS }),
        (now, offset) => {
          const refusal = apiTokenExpiryRefusal(new Date(now.getTime() + offset), now);
          expect(refusal === null).toBe(offset > 0 && offset <= MAX_MS);
          if (refusal) expect(refusal.errors?.map((e) => e.field)).toEqual(['expiresAt']);
        },
      ),
    );
  });
});

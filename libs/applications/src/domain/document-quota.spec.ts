import fc from 'fast-check';
import { assertWithinQuota } from './document-quota';

const quota = { maxCount: 3, maxBytes: 1000 };

describe('assertWithinQuota', () => {
  it('accepts the last document that fits, by number and by size', () => {
    expect(() => assertWithinQuota({ count: 2, bytes: 400 }, 600, quota)).not.toThrow();
  });

  it.each([
    ['a document beyond the number allowed', { count: 3, bytes: 0 }, 1, /at most 3 documents/],
    ['a byte beyond the total size allowed', { count: 0, bytes: 400 }, 601, /at most 1000 bytes in all/],
  ])('refuses %s with QUOTA_EXCEEDED', (_label, usage, added, message) => {
    expect(() => assertWithinQuota(usage, added, quota)).toThrow(expect.objectContaining({ code: 'QUOTA_EXCEEDED' }));
    expect(() => assertWithinQuota(usage, added, quota)).toThrow(message);
  });

  it('accepts exactly what keeps both the number and the total within the quota', () => {
    const nat = fc.nat({ max: 2000 });
    fc.assert(
      fc.property(fc.nat({ max: 5 }), nat, nat, (count, bytes, added) => {
        const fits = count + 1 <= quota.maxCount && bytes + added <= quota.maxBytes;
        let refused = false;
        try {
          assertWithinQuota({ count, bytes }, added, quota);
        } catch {
          refused = true;
        }
        expect(refused).toBe(!fits);
      }),
    );
  });
});

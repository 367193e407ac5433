import fc from 'fast-check';
import { MAX_POST_LENGTH, newlyMentioned, postErrors, threadAccess } from './discussion';

describe('threadAccess', () => {
  it('opens the thread to the secretariat whatever its assignments', () => {
    expect(threadAccess({ staff: true }, null)).toBe('open');
    expect(threadAccess({ staff: true }, 'unsubmitted')).toBe('open');
  });

  it('opens it to an evaluator only once its own evaluation is submitted', () => {
    expect(threadAccess({ staff: false }, 'submitted')).toBe('open');
    expect(threadAccess({ staff: false }, 'unsubmitted')).toBe('after-submission');
  });

  it('hides it from anyone neither staff nor assigned', () => {
    expect(threadAccess({ staff: false }, null)).toBe('none');
  });
});

describe('postErrors', () => {
  const someone = '0b0f7c36-3f1e-4d55-9d37-8d1b9a5e1a11';
  const stranger = '6d1f2b9e-8f57-4a7e-b0f1-3b9e0f4e2c22';

  it('accepts a text with mentions of participants', () => {
    expect(postErrors({ body: 'See the budget, @Ana.', mentionIds: [someone] }, new Set([someone]))).toEqual([]);
  });

  it('refuses a blank text and names the field', () => {
    expect(postErrors({ body: ' \n\t ', mentionIds: [] }, new Set())).toEqual([
      { field: 'body', message: 'must not be empty', code: 'REQUIRED' },
    ]);
  });

  it('refuses a text longer than the limit once trimmed, and counts trimmed space out', () => {
    const longest = 'x'.repeat(MAX_POST_LENGTH);
    expect(postErrors({ body: `  ${longest}  `, mentionIds: [] }, new Set())).toEqual([]);
    expect(postErrors({ body: `${longest}x`, mentionIds: [] }, new Set())).toEqual([
      expect.objectContaining({ field: 'body', code: 'TOO_LONG', params: { max: MAX_POST_LENGTH } }),
    ]);
  });

  it('refuses each mention of someone outside the thread, by its position', () => {
    expect(postErrors({ body: 'Hello', mentionIds: [someone, stranger] }, new Set([someone]))).toEqual([
      expect.objectContaining({ field: 'mentionIds.1', code: 'NOT_A_PARTICIPANT', params: { id: stranger } }),
    ]);
  });
});

describe('newlyMentioned', () => {
  it('tells only those mentioned now and not before, once each, never the author', () => {
    expect(newlyMentioned('me', ['a'], ['a', 'b', 'b', 'me', 'c'])).toEqual(['b', 'c']);
  });

  it('tells nobody twice over any sequence of edits', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd', 'me');
    fc.assert(
      fc.property(fc.array(fc.array(ids, { maxLength: 5 }), { minLength: 1, maxLength: 6 }), (versions) => {
        const told: string[] = [];
        let before: string[] = [];
        for (const after of versions) {
          told.push(...newlyMentioned('me', [...before, ...told], after));
          before = after;
        }
        expect(new Set(told).size).toBe(told.length);
        expect(told).not.toContain('me');
        // Everyone ever mentioned (but the author) was told.
        expect(new Set(told)).toEqual(new Set(versions.flat().filter((id) => id !== 'me')));
      }),
    );
  });

  it('never tells anyone already mentioned in the text an edit replaces', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.array(fc.string()), (before, after) => {
        const told = newlyMentioned('author', before, after);
        expect(told.filter((id) => before.includes(id))).toEqual([]);
        expect(told.every((id) => after.includes(id))).toBe(true);
      }),
    );
  });
});

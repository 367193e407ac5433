import fc from 'fast-check';
import {
  DiscussionPost,
  MAX_POST_LENGTH,
  NameView,
  newlyMentioned,
  postAsSeen,
  postErrors,
  seesNames,
  threadAccess,
} from './discussion';

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

describe('names as a reader sees them', () => {
  const numbers = new Map([
    ['ana', 1],
    ['bruno', 2],
  ]);
  const post: DiscussionPost = {
    id: 'p1',
    callId: 'c1',
    applicationId: 'a1',
    author: { id: 'ana', displayName: 'Ana Real', evaluatorNumber: null },
    authorKind: 'evaluator',
    body: 'Text.',
    mentions: [
      { id: 'bruno', displayName: 'Bruno Real', evaluatorNumber: null },
      { id: 'staff', displayName: 'Sam Staff', evaluatorNumber: null },
    ],
    version: 1,
    createdAt: new Date(0),
    editedAt: null,
  };

  it('shows names to the secretariat and the call’s chair only', () => {
    expect(seesNames({ staff: true, chair: false })).toBe(true);
    expect(seesNames({ staff: false, chair: true })).toBe(true);
    expect(seesNames({ staff: false, chair: false })).toBe(false);
  });

  it('names evaluators by number and the secretariat as such to other evaluators, keeping ids and numbers', () => {
    const hidden: NameView = { namesShown: false, evaluatorNumbers: numbers };
    expect(postAsSeen(hidden, post)).toMatchObject({
      author: { id: 'ana', displayName: 'Evaluator 1', evaluatorNumber: 1 },
      mentions: [
        { id: 'bruno', displayName: 'Evaluator 2', evaluatorNumber: 2 },
        { id: 'staff', displayName: 'Secretariat', evaluatorNumber: null },
      ],
    });
    const bySecretariat = { ...post, author: { id: 'staff', displayName: 'Sam Staff', evaluatorNumber: null } };
    expect(postAsSeen(hidden, { ...bySecretariat, authorKind: 'secretariat' }).author.displayName).toBe('Secretariat');
  });

  it('keeps names, with the numbers, for who sees them', () => {
    const shown = postAsSeen({ namesShown: true, evaluatorNumbers: numbers }, post);
    expect(shown.author).toEqual({ id: 'ana', displayName: 'Ana Real', evaluatorNumber: 1 });
    expect(shown.mentions.map((m) => m.displayName)).toEqual(['Bruno Real', 'Sam Staff']);
  });
});

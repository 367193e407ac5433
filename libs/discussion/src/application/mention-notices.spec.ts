import type { Call } from '@app/calls';
import { discussionUrl, mentionNotices } from './mention-notices';

const call = { id: 'c a/1', reference: 'BDT/DIR/DM/013', title: 'Accelerator centres 2026' } as Call;

describe('mention notices', () => {
  it('link an evaluator to its assignment and the secretariat to the application, at the thread', () => {
    const base = 'https://accelerators.example.org/';
    expect(discussionUrl(base, call, 'app-1', { kind: 'evaluator', assignmentId: 'as-9' })).toBe(
      'https://accelerators.example.org/evaluator/assignments/as-9#discussion',
    );
    expect(discussionUrl(base, call, 'app-1', { kind: 'secretariat', assignmentId: null })).toBe(
      'https://accelerators.example.org/secretariat/calls/c%20a%2F1/applications/app-1#discussion',
    );
  });

  it('name the author and the call, one per person mentioned', () => {
    const author = { displayName: 'Aminata Diallo', kind: 'evaluator' as const, evaluatorNumber: 2 };
    const notices = mentionNotices(
      'http://127.0.0.1:3000',
      call,
      'app-1',
      author,
      [
        ['u1', { kind: 'secretariat', assignmentId: null }],
        ['u2', { kind: 'evaluator', assignmentId: 'as-2' }],
      ],
      'u2',
    );
    expect(notices).toEqual([
      {
        recipientId: 'u1',
        template: 'discussion.mentioned',
        params: {
          authorName: 'Aminata Diallo',
          callReference: 'BDT/DIR/DM/013',
          // Untranslated: English in every language.
          callTitle: expect.objectContaining({ en: 'Accelerator centres 2026', fr: 'Accelerator centres 2026' }),
          discussionUrl: 'http://127.0.0.1:3000/secretariat/calls/c%20a%2F1/applications/app-1#discussion',
        },
      },
      expect.objectContaining({
        recipientId: 'u2',
        params: expect.objectContaining({
          discussionUrl: expect.stringContaining('/evaluator/assignments/as-2#discussion'),
        }),
      }),
    ]);
  });

  it('name the author by its number, or as the secretariat, to an evaluator who does not see names', () => {
    const evaluator = { displayName: 'Aminata Diallo', kind: 'evaluator' as const, evaluatorNumber: 3 };
    const secretariat = { displayName: 'Jean Staff', kind: 'secretariat' as const, evaluatorNumber: null };
    const mentioned: Array<[string, { kind: 'evaluator'; assignmentId: string }]> = [
      ['u2', { kind: 'evaluator', assignmentId: 'as-2' }],
    ];
    const [byEvaluator] = mentionNotices('http://x', call, 'app-1', evaluator, mentioned, null);
    expect(byEvaluator).toMatchObject({
      template: 'discussion.mentioned_by_evaluator',
      params: { evaluatorNumber: 3 },
    });
    expect(JSON.stringify(byEvaluator)).not.toContain('Aminata');
    const [bySecretariat] = mentionNotices('http://x', call, 'app-1', secretariat, mentioned, 'someone-else');
    expect(bySecretariat.template).toBe('discussion.mentioned_by_secretariat');
    expect(JSON.stringify(bySecretariat)).not.toContain('Jean');
  });
});

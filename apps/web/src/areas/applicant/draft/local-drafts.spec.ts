import { describe, expect, it } from '@jest/globals';
import { answersPatch, sameAnswers } from './local-drafts';

const AMINA = { name: 'Amina Diallo', title: '', email: 'amina@hub.example', role: 'member' };

describe('the answers a draft saves', () => {
  it('take people as the same whatever the order of their parts (the server gives its own)', () => {
    const fromServer = { delegation: [{ email: AMINA.email, name: AMINA.name, role: AMINA.role, title: '' }] };
    expect(sameAnswers(fromServer, { delegation: [AMINA] })).toBe(true);
  });

  it('send a people answer again when a part, or a person, changed', () => {
    expect(answersPatch({ delegation: [AMINA] }, { delegation: [{ ...AMINA, title: 'Director' }] })).toEqual({
      delegation: [{ ...AMINA, title: 'Director' }],
    });
    expect(answersPatch({ delegation: [AMINA] }, { delegation: [AMINA, AMINA] })).toEqual({
      delegation: [AMINA, AMINA],
    });
    expect(answersPatch({ delegation: [AMINA], motto: 'x' }, { motto: 'x' })).toEqual({ delegation: null });
  });
});

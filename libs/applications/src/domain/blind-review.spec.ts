import fc from 'fast-check';
import type { Question, QuestionType } from '@app/calls';
import {
  IdentifyingFacts,
  WITHHELD_MARK,
  blindAnswers,
  blindClarification,
  blindDocumentName,
  pseudonymOf,
  redactor,
} from './blind-review';
import type { Clarification } from './clarification';

const q = (key: string, type: QuestionType): Question => ({ key, label: key, type, required: false });
const FACTS: IdentifyingFacts = {
  name: 'Dakar Tech Lab',
  city: 'Thiès',
  website: 'https://www.dakar-techlab.sn/fr/',
  people: ['Awa Ndiaye', 'Moussa Diop'],
};

describe('pseudonymOf', () => {
  it('numbers on three digits at least', () => {
    expect([1, 17, 999, 1000].map(pseudonymOf)).toEqual(['A-001', 'A-017', 'A-999', 'A-1000']);
  });
});

describe('blindDocumentName', () => {
  it('names a document by its position and keeps only its extension', () => {
    expect(blindDocumentName(1, 'Dakar Tech Lab – statuts.pdf')).toBe('Document 1.pdf');
    expect(blindDocumentName(12, 'plan.v2.docx')).toBe('Document 12.docx');
    expect(blindDocumentName(3, 'README')).toBe('Document 3');
    expect(blindDocumentName(2, '.hidden')).toBe('Document 2');
  });
});

describe('blindClarification', () => {
  const request = {
    id: 'c1',
    question: 'Does Awa Ndiaye still lead Dakar Tech Lab?',
    answer: 'Dakar Tech Lab has 12 mentors in Thiès; MOUSSA DIOP leads them.',
    answeredBy: { id: 'u1', displayName: 'Awa Ndiaye' },
    document: { filename: 'Dakar Tech Lab mentors.xlsx', mimeType: 'application/xlsx', size: 10, sha256: 'ab' },
  } as Clarification;

  it('hides who answered, the centre and its team in the question and answer, and its document name', () => {
    expect(blindClarification(request, redactor(FACTS, 'A-003'))).toMatchObject({
      question: `Does ${WITHHELD_MARK} still lead A-003?`,
      answer: `A-003 has 12 mentors in ${WITHHELD_MARK}; ${WITHHELD_MARK} leads them.`,
      answeredBy: null,
      document: { filename: 'Answer.xlsx', sha256: 'ab' },
    });
  });

  it('keeps a request not yet answered as it is', () => {
    const open = { ...request, question: 'How many mentors?', answer: null, answeredBy: null, document: null };
    expect(blindClarification(open, redactor(FACTS, 'A-003'))).toEqual(open);
  });
});

describe('blindAnswers', () => {
  const questions = [q('pitch', 'longtext'), q('site', 'url'), q('contact', 'email'), q('staff', 'number')];

  it('leaves out URL and e-mail answers and replaces the name, city, website and team in the others', () => {
    const answers = {
      pitch:
        'DAKAR TECH LAB, based in thiès, runs www.dakar-techlab.sn and dakar-techlab.sn/fr for Dakar start-ups ' +
        'with awa ndiaye (Awa Ndiayes is someone else).',
      site: 'https://www.dakar-techlab.sn',
      contact: 'info@dakar-techlab.sn',
      staff: 12,
      removedQuestion: 'Dakar Tech Lab again',
    };
    expect(blindAnswers(questions, answers, FACTS, 'A-017')).toEqual({
      pitch:
        `A-017, based in ${WITHHELD_MARK}, runs ${WITHHELD_MARK} and ${WITHHELD_MARK}/fr for Dakar start-ups ` +
        `with ${WITHHELD_MARK} (Awa Ndiayes is someone else).`,
      staff: 12,
      removedQuestion: 'A-017 again',
    });
  });

  it('replaces whole words only', () => {
    const redact = redactor({ name: 'Hub', city: 'Bo', website: null, people: [] }, 'A-001');
    expect(redact('GitHub, the Hub, Bonn and Bo.')).toBe(`GitHub, the A-001, Bonn and ${WITHHELD_MARK}.`);
  });

  it('changes nothing when the organisation declared nothing long enough to look for', () => {
    const redact = redactor({ name: 'X', city: null, website: '', people: ['Y', ' '] }, 'A-001');
    expect(redact('X marks the spot')).toBe('X marks the spot');
  });

  const word = fc.stringMatching(/^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'-]{2,11}$/);
  const words = fc.array(word, { minLength: 1, maxLength: 3 }).map((list) => list.join(' '));
  const facts = fc.record({
    name: words,
    city: fc.option(word, { nil: null }),
    website: fc.option(
      word.map((w) => `https://www.${w.toLowerCase()}.org/`),
      { nil: null },
    ),
    people: fc.array(words, { maxLength: 3 }),
  });
  const separator = fc.constantFrom(' ', ', ', '. ', ' (', ') ', '\n', ' – ');

  it('never lets a mention of the name, city, website or a team member through, whatever surrounds it', () => {
    fc.assert(
      fc.property(facts, fc.array(fc.tuple(fc.nat(4), separator), { maxLength: 12 }), (declared, pieces) => {
        const mentions = [declared.name, declared.city ?? 'plain', declared.website ?? 'text', 'filler'];
        mentions.push(declared.people[0] ?? 'filler');
        const text = pieces.map(([i, sep]) => `${sep}${mentions[i].toUpperCase()}${sep}`).join('');
        const out = redactor(declared, 'A-042')(text).toLowerCase();
        const website = declared.website?.replace(/^https:\/\/www\./, '');
        for (const term of [declared.name, declared.city, website, ...declared.people]) {
          if (term && !'a-042 filler plain text'.includes(term.toLowerCase())) {
            expect(out).not.toMatch(
              new RegExp(`(?<![\\p{L}\\p{N}])${escape(term.toLowerCase())}(?![\\p{L}\\p{N}])`, 'u'),
            );
          }
        }
      }),
    );
  });

  it('leaves a text that mentions none of them as it is', () => {
    fc.assert(
      fc.property(facts, fc.string({ unit: 'grapheme', maxLength: 200 }), (declared, text) => {
        // The website's host without `www.` is the shortest form of it looked for.
        const host = declared.website?.replace(/^https:\/\/www\./, '').replace(/\/$/, '');
        const terms = [declared.name, declared.city, host, ...declared.people];
        fc.pre(terms.every((term) => !term || !text.toLowerCase().includes(term.toLowerCase())));
        expect(redactor(declared, 'A-042')(text)).toBe(text);
      }),
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

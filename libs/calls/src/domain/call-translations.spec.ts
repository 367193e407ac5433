import fc from 'fast-check';
import { LANGUAGES } from '@app/platform/languages';
import {
  CallTexts,
  CallTranslations,
  TRANSLATION_LANGUAGES,
  missingTranslations,
  prunedTranslations,
  resolveCallTexts,
  translationErrors,
} from './call-translations';
import { readCallTranslations } from './call-translations-input';

const TEXTS: CallTexts = {
  title: 'Accelerator centres 2030',
  description: 'Select the network.',
  criteria: [
    { stage: 1, code: 'IMPACT', title: 'Impact', description: 'Expected impact' },
    { stage: 1, code: 'TEAM', title: 'Team', description: '' },
    { stage: 2, code: 'PITCH', title: 'Pitch', description: '' },
  ],
  questions: [
    { key: 'summary', label: 'Summary' },
    { key: 'stage', label: 'Stage', options: ['idea', 'growth'] },
  ],
  sessions: [
    { key: 'hlps_1', title: 'Digital inclusion' },
    { key: 'hlps_2', title: 'Cybersecurity' },
  ],
};

describe('resolveCallTexts', () => {
  it('shows the French written and English elsewhere, naming each field that fell back', () => {
    const translations: CallTranslations = {
      fr: {
        title: 'Centres d’accélération 2030',
        criteria: { IMPACT: { title: 'Impact attendu' } },
        questions: { stage: { label: 'Stade', options: ['idée', 'croissance'] } },
      },
    };
    const resolved = resolveCallTexts(TEXTS, translations, 'fr');
    expect(resolved.title).toBe('Centres d’accélération 2030');
    expect(resolved.description).toBe('Select the network.');
    expect(resolved.criteria.map((c) => c.title)).toEqual(['Impact attendu', 'Team', 'Pitch']);
    expect(resolved.questions[1]).toEqual({ key: 'stage', label: 'Stade', options: ['idée', 'croissance'] });
    expect(resolved.fallback).toEqual([
      'description',
      'criteria.IMPACT.description',
      'criteria.TEAM.title',
      'criteria.PITCH.title',
      'questions.summary.label',
      'sessions.hlps_1.title',
      'sessions.hlps_2.title',
    ]);
  });

  it('gives each session’s title in the language, by key, English where it has none', () => {
    const translations: CallTranslations = {
      fr: { sessions: { hlps_2: { title: 'Cybersécurité' }, hlps_1: { title: '  ' } } },
    };
    const resolved = resolveCallTexts(TEXTS, translations, 'fr');
    expect(resolved.sessions).toEqual([
      { key: 'hlps_1', title: 'Digital inclusion' },
      { key: 'hlps_2', title: 'Cybersécurité' },
    ]);
    expect(resolved.fallback).toContain('sessions.hlps_1.title');
    expect(resolved.fallback).not.toContain('sessions.hlps_2.title');
    expect(missingTranslations(TEXTS, translations).fr).toContain('sessions.hlps_1.title');
  });

  it('never falls back on a text English leaves empty', () => {
    expect(resolveCallTexts(TEXTS, {}, 'ar').fallback).not.toContain('criteria.TEAM.description');
  });

  it('takes options only when there is one per English option', () => {
    const resolved = resolveCallTexts(TEXTS, { es: { questions: { stage: { options: ['idea'] } } } }, 'es');
    expect(resolved.questions[1].options).toEqual(['idea', 'growth']);
    expect(resolved.fallback).toContain('questions.stage.options');
  });

  const texts: fc.Arbitrary<CallTexts> = fc.record({
    title: fc.string({ minLength: 1 }),
    description: fc.string(),
    criteria: fc.uniqueArray(
      fc.record({
        stage: fc.integer({ min: 1, max: 3 }),
        code: fc.stringMatching(/^[A-Z]{1,6}$/),
        title: fc.string({ minLength: 1 }),
        description: fc.string(),
      }),
      { selector: (c) => c.code, maxLength: 5 },
    ),
    questions: fc.uniqueArray(
      fc.record(
        {
          key: fc.stringMatching(/^[a-z]{1,6}$/),
          label: fc.string({ minLength: 1 }),
          options: fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 3 }),
        },
        { requiredKeys: ['key', 'label'] },
      ),
      { selector: (q) => q.key, maxLength: 5 },
    ),
    sessions: fc.uniqueArray(
      fc.record({ key: fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), title: fc.string({ minLength: 1 }) }),
      { selector: (s) => s.key, maxLength: 4 },
    ),
  });

  /** Translations of some of the fields, some blank, for some languages. */
  const translationsOf = (call: CallTexts): fc.Arbitrary<CallTranslations> => {
    const text = fc.option(fc.oneof(fc.string(), fc.constant('  ')), { nil: undefined });
    const one = fc.record(
      {
        title: text,
        description: text,
        criteria: fc.record(
          Object.fromEntries(call.criteria.map((c) => [c.code, fc.record({ title: text, description: text })])),
        ),
        questions: fc.record(
          Object.fromEntries(
            call.questions.map((q) => [
              q.key,
              fc.record({
                label: text,
                options: fc.option(fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }), { nil: undefined }),
              }),
            ]),
          ),
        ),
        sessions: fc.record(Object.fromEntries(call.sessions.map((s) => [s.key, fc.record({ title: text })]))),
      },
      { requiredKeys: [] },
    );
    return fc.record(Object.fromEntries(TRANSLATION_LANGUAGES.map((l) => [l, one])), { requiredKeys: [] });
  };

  const callWithTranslations = texts.chain((call) => fc.tuple(fc.constant(call), translationsOf(call)));

  it('is the identity in English, nothing fallen back', () => {
    fc.assert(
      fc.property(callWithTranslations, ([call, translations]) => {
        const { language, fallback, ...resolved } = resolveCallTexts(call, translations, 'en');
        expect(language).toBe('en');
        expect(fallback).toEqual([]);
        expect(resolved).toEqual(call);
      }),
    );
  });

  it('gives every field in every language, in the same order, each in English or translated', () => {
    fc.assert(
      fc.property(callWithTranslations, fc.constantFrom(...LANGUAGES), ([call, translations], language) => {
        const resolved = resolveCallTexts(call, translations, language);
        expect(resolved.criteria.map((c) => [c.stage, c.code])).toEqual(call.criteria.map((c) => [c.stage, c.code]));
        expect(resolved.questions.map((q) => q.key)).toEqual(call.questions.map((q) => q.key));
        resolved.questions.forEach((q, i) => expect(q.options?.length).toBe(call.questions[i].options?.length));
        expect(resolved.sessions.map((s) => s.key)).toEqual(call.sessions.map((s) => s.key));
      }),
    );
  });

  it('flags a field as fallen back exactly when its language has no text for it and English has one', () => {
    fc.assert(
      fc.property(callWithTranslations, fc.constantFrom(...TRANSLATION_LANGUAGES), ([call, translations], language) => {
        const own = translations[language] ?? {};
        const resolved = resolveCallTexts(call, translations, language);
        const missing = (english: string, text: string | undefined) => english !== '' && !text?.trim();
        const expectFlag = (field: string, flagged: boolean) => expect(resolved.fallback.includes(field)).toBe(flagged);
        expectFlag('title', missing(call.title, own.title));
        expect(resolved.title).toBe(missing(call.title, own.title) ? call.title : own.title);
        expectFlag('description', missing(call.description, own.description));
        for (const c of call.criteria) {
          expectFlag(`criteria.${c.code}.title`, missing(c.title, own.criteria?.[c.code]?.title));
          expectFlag(`criteria.${c.code}.description`, missing(c.description, own.criteria?.[c.code]?.description));
        }
        for (const q of call.questions) {
          expectFlag(`questions.${q.key}.label`, missing(q.label, own.questions?.[q.key]?.label));
          const options = own.questions?.[q.key]?.options;
          const complete = options?.length === q.options?.length && (options ?? []).every((o) => o.trim() !== '');
          expectFlag(`questions.${q.key}.options`, q.options !== undefined && !complete);
        }
        call.sessions.forEach((session, i) => {
          const translated = own.sessions?.[session.key]?.title;
          expectFlag(`sessions.${session.key}.title`, missing(session.title, translated));
          expect(resolved.sessions[i].title).toBe(missing(session.title, translated) ? session.title : translated);
        });
      }),
    );
  });

  it('lists as missing, per language, what that language falls back on', () => {
    fc.assert(
      fc.property(callWithTranslations, ([call, translations]) => {
        const missing = missingTranslations(call, translations);
        expect(Object.keys(missing).sort()).toEqual([...TRANSLATION_LANGUAGES].sort());
        for (const language of TRANSLATION_LANGUAGES) {
          expect(missing[language]).toEqual(resolveCallTexts(call, translations, language).fallback);
        }
      }),
    );
  });
});

describe('readCallTranslations', () => {
  it('trims texts and drops blank ones and empty languages', () => {
    const { translations, errors } = readCallTranslations({
      fr: { title: '  Titre ', description: '   ', criteria: { IMPACT: { title: '' } } },
      es: { title: '' },
    });
    expect(errors).toEqual([]);
    expect(translations).toEqual({ fr: { title: 'Titre' } });
  });

  it('refuses English, unknown languages, unknown fields, non-texts and texts too long, with their paths', () => {
    const { errors } = readCallTranslations({
      en: { title: 'x' },
      de: { title: 'x' },
      fr: { title: 'x'.repeat(501), subtitle: 'x', criteria: { IMPACT: { title: 3 } }, questions: [] },
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['translations.en', 'UNKNOWN_LANGUAGE'],
      ['translations.de', 'UNKNOWN_LANGUAGE'],
      ['translations.fr.title', 'TOO_LONG'],
      ['translations.fr.subtitle', 'UNKNOWN_FIELD'],
      ['translations.fr.criteria.IMPACT.title', 'NOT_A_STRING'],
      ['translations.fr.questions', 'NOT_AN_OBJECT'],
    ]);
  });

  it('reads session titles by key, within the English session title’s limit', () => {
    const read = readCallTranslations({
      fr: { sessions: { hlps_1: { title: ' Inclusion numérique ' }, hlps_2: { title: ' ' } } },
    });
    expect(read).toEqual({
      translations: { fr: { sessions: { hlps_1: { title: 'Inclusion numérique' } } } },
      errors: [],
    });
    const { errors } = readCallTranslations({
      es: { sessions: { hlps_1: { title: 'x'.repeat(501), speakers: 'x' }, hlps_2: 'x' } },
      ru: { sessions: ['x'] },
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['translations.es.sessions.hlps_1.title', 'TOO_LONG'],
      ['translations.es.sessions.hlps_1.speakers', 'UNKNOWN_FIELD'],
      ['translations.es.sessions.hlps_2', 'NOT_AN_OBJECT'],
      ['translations.ru.sessions', 'NOT_AN_OBJECT'],
    ]);
    expect(readCallTranslations({ fr: { sessions: { hlps_1: { title: 'x'.repeat(500) } } } }).errors).toEqual([]);
  });

  it('keeps a key named __proto__ as a key, never a prototype', () => {
    const input = JSON.parse('{"fr":{"criteria":{"__proto__":{"title":"x"}}}}') as unknown;
    const { translations } = readCallTranslations(input);
    expect(Object.getPrototypeOf(translations.fr?.criteria)).toBe(Object.prototype);
    expect(Object.hasOwn(translations.fr?.criteria ?? {}, '__proto__')).toBe(true);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), (input) => void readCallTranslations(input)));
  });
});

describe('translationErrors and prunedTranslations', () => {
  const translations: CallTranslations = {
    ru: {
      title: 'Центры',
      criteria: { IMPACT: { title: 'Влияние' }, GONE: { title: 'Нет' } },
      questions: { stage: { options: ['идея'] }, nope: { label: 'Нет' } },
      sessions: { hlps_1: { title: 'Цифровая интеграция' }, hlps_9: { title: 'Нет' } },
    },
  };

  it('names the codes and keys the call does not have, and options not one per English option', () => {
    expect(translationErrors(translations, TEXTS).map((e) => [e.field, e.code])).toEqual([
      ['translations.ru.criteria.GONE', 'UNKNOWN_CRITERION'],
      ['translations.ru.questions.stage.options', 'OPTIONS_MISMATCH'],
      ['translations.ru.questions.nope', 'UNKNOWN_QUESTION'],
      ['translations.ru.sessions.hlps_9', 'UNKNOWN_SESSION'],
    ]);
  });

  it('prunes exactly what the call no longer has, leaving nothing to refuse', () => {
    const pruned = prunedTranslations(translations, TEXTS);
    expect(pruned).toEqual({
      ru: {
        title: 'Центры',
        criteria: { IMPACT: { title: 'Влияние' } },
        sessions: { hlps_1: { title: 'Цифровая интеграция' } },
      },
    });
    expect(translationErrors(pruned, TEXTS)).toEqual([]);
  });

  it('drops the sessions’ translations with the sessions removed', () => {
    const pruned = prunedTranslations(translations, { ...TEXTS, sessions: [] });
    expect(pruned.ru?.sessions).toBeUndefined();
  });
});

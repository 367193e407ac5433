import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '../../apps/web/src/i18n/languages';

/**
 * Every language of the web app says everything English says, and nothing else: the same
 * namespaces, the same keys, the same {{placeholders}}, and in its own words: a text left as in
 * English fails unless it is only placeholders, an identifier, or a word the language spells the
 * same. (English is the reference; its keys type the app's `t()`, so a key missing in English
 * fails the web build itself.)
 */
const CATALOGUES = join(__dirname, '..', '..', 'apps', 'web', 'src', 'i18n');
const languages = readdirSync(CATALOGUES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const namespaces = readdirSync(join(CATALOGUES, 'en')).filter((file) => file.endsWith('.json'));

type Catalogue = { [key: string]: string | Catalogue };

function leaves(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') found.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) found.set(k, v);
  }
  return found;
}

const read = (language: string, file: string): Catalogue =>
  JSON.parse(readFileSync(join(CATALOGUES, language, file), 'utf8')) as Catalogue;
/** The names a text interpolates, with their format (`{{count, number}}`). */
const placeholders = (value: string) => [...value.matchAll(/\{\{(\w+(?:, *\w+)?)\}\}/g)].map((m) => m[1]).sort();
/** Plural forms differ between languages (key_one, key_other, key_many…): compare their base keys. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

/** Texts every language writes as English does: names of formats and standards. */
const SAME_IN_EVERY_LANGUAGE = ['CSV', 'PDF', 'XLSX', 'ZIP', 'ISO', 'URL', 'API', 'OpenID Connect'];

/**
 * Words a language spells as English does, left as they are in its catalogues (by the text less its
 * placeholders, as in the catalogue). French shares many with English; a language of another
 * script shares none.
 */
const SPELLED_AS_IN_ENGLISH: Record<string, string[]> = {
  fr: [
    ...['Actions', 'Affiliation', 'Annexes', 'Budget', 'Calibration', 'Centre', 'Centres', 'Code', 'Consensus'],
    ...['Date', 'Description', 'Discussion', 'Document', 'Documents', 'Europe', 'Invitations', 'Maximum'],
    ...['Message', 'Minimum', 'Normalisation', 'Note', 'Notifications', 'Options', 'Organisation'],
    ...['Publication', 'Question', 'Questions', 'Score', 'Sessions', 'Type'],
    ...['centre', 'centres', 'invitation', 'invitations', 'message', 'messages', 'question', 'questions'],
  ],
  es: ['No'],
};

/** A text's words, less its placeholders: what a reader would read as English if left untranslated. */
const words = (value: string) => value.replace(/\{\{[^}]*\}\}/g, ' ').trim();
/** Only placeholders, punctuation and figures, or an identifier (`snake_case`, `a.b`, `x-1`): nothing to translate. */
const nothingToTranslate = (value: string) =>
  !/\p{L}{2}/u.test(words(value)) || /^[\p{L}\d]+([_.-][\p{L}\d]+)+$/u.test(words(value));

describe('the languages of the interface', () => {
  it('are those that have a folder of catalogues', () => {
    expect(LANGUAGES.map((language) => language.code).sort()).toEqual([...languages].sort());
  });
});

describe.each(languages.filter((language) => language !== 'en'))('the %s catalogues', (language) => {
  it('have the namespaces of English', () => {
    expect(readdirSync(join(CATALOGUES, language)).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)('%s has the keys and placeholders of English', (file) => {
    const english = leaves(read('en', file));
    const translated = leaves(read(language, file));
    expect([...new Set([...translated.keys()].map(base))].sort()).toEqual(
      [...new Set([...english.keys()].map(base))].sort(),
    );
    for (const [key, value] of translated) {
      const reference = english.get(key) ?? english.get(`${base(key)}_other`) ?? '';
      expect({ key, placeholders: placeholders(value) }).toEqual({ key, placeholders: placeholders(reference) });
    }
  });

  it.each(namespaces)('%s leaves no English text untranslated', (file) => {
    const english = leaves(read('en', file));
    const allowed = new Set([...SAME_IN_EVERY_LANGUAGE, ...(SPELLED_AS_IN_ENGLISH[language] ?? [])]);
    const untranslated = [...leaves(read(language, file))]
      .filter(([key, value]) => value === english.get(key) && !nothingToTranslate(value) && !allowed.has(words(value)))
      .map(([key, value]) => `${key}: ${value}`);
    expect(untranslated).toEqual([]);
  });
});

/**
 * Counts read well in every language: a text that interpolates `count` has every plural form the
 * language's rules (Intl.PluralRules, CLDR) select — French `one` for 0 and 1, `many` for millions —
 * and writes the number as the language does. The namespaces of the applicants', the public's,
 * the account and the evaluators' pages and of the shared components.
 */
describe.each(languages)('the %s plurals', (language) => {
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  it.each(['applicant.json', 'public.json', 'common.json', 'evaluator.json'])(
    '%s has every form of each count',
    (file) => {
      const texts = leaves(read(language, file));
      const counted = [...texts].filter(([key, value]) => base(key) !== key || /\{\{count\b/.test(value));
      for (const key of new Set(counted.map(([key]) => base(key)))) {
        expect({ key, forms: forms.filter((form) => texts.has(`${key}_${form}`)) }).toEqual({ key, forms });
      }
      for (const [key, value] of counted)
        expect({ key, value }).toEqual({ key, value: expect.not.stringContaining('{{count}}') });
    },
  );
});

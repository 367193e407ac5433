import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every language of the web app says everything English says, and nothing else: the same
 * namespaces, the same keys, the same {{placeholders}}. (English is the reference; its keys type
 * the app's `t()`, so a key missing in English fails the web build itself.)
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

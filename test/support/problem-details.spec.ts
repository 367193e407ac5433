import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  MessageFormatElement,
  isArgumentElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  parse,
} from '@formatjs/icu-messageformat-parser';
import { TRANSITION_WORDS, declaredDetailKeys, detailTexts, formatDetail } from '@app/platform/errors';
import { APPLICATION_STATUSES } from '../../libs/applications/src/domain/application';
import { CLARIFICATION_STATUSES } from '../../libs/applications/src/domain/clarification';
import { CALL_STATUSES } from '../../libs/calls/src/domain/call';
import { FieldLockedError, UnknownPlaceholderError } from '../../libs/calls/src/domain/calls.errors';
import { AGREEMENT_STATUSES } from '../../libs/cohorts/src/domain/agreement';
import { COHORT_STATUSES } from '../../libs/cohorts/src/domain/cohort-lifecycle';
import {
  InvalidPromotionError,
  InvalidShortlistChangeError,
  StageNotScoredError,
} from '../../libs/cohorts/src/domain/cohorts.errors';
import { OFFER_STATUSES } from '../../libs/cohorts/src/domain/offer';
import { LANGUAGES, type Language } from '@app/platform/languages';

const ROOT = join(__dirname, '..', '..');

/** Loads every libs/<context>/src/domain/*.errors.ts: loading one declares its codes and its details. */
function loadErrorModules(): void {
  for (const context of readdirSync(join(ROOT, 'libs'))) {
    const domain = join(ROOT, 'libs', context, 'src', 'domain');
    let names: string[];
    try {
      names = readdirSync(domain).filter((name) => name.endsWith('.errors.ts'));
    } catch {
      continue;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const name of names) require(join(domain, name));
  }
}

/** Each argument of an ICU message with how it is used: plurals and numbers take a number, selects a case. */
function argumentsOf(text: string): Map<string, 'text' | 'number' | 'select'> {
  const found = new Map<string, 'text' | 'number' | 'select'>();
  const visit = (elements: MessageFormatElement[]): void => {
    for (const element of elements) {
      if (isArgumentElement(element) && !found.has(element.value)) found.set(element.value, 'text');
      if (isNumberElement(element) || isPluralElement(element)) found.set(element.value, 'number');
      if (isSelectElement(element)) found.set(element.value, 'select');
      if (isPluralElement(element) || isSelectElement(element)) {
        for (const option of Object.values(element.options)) visit(option.value);
      }
    }
  };
  visit(parse(text, { ignoreTag: true }));
  return found;
}

/** Values to fill a text with: one letter for a text or a select's other case (too short to count as an English word), 2. */
function sampleValues(texts: readonly string[]): Record<string, string | number> {
  const kinds = { text: 'X', number: 2, select: 'Z' } as const;
  const values: Record<string, string | number> = {};
  for (const text of texts) {
    for (const [name, kind] of argumentsOf(text)) {
      // A value one language counts or selects on is a number or a case in every language.
      if (values[name] === undefined || kind !== 'text') values[name] = kinds[kind];
    }
  }
  return values;
}

const SCRIPTS: Partial<Record<Language, RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  zh: /\p{Script=Han}/u,
  ru: /\p{Script=Cyrillic}/u,
};

/** Names of formats and protocols, the same in every language. */
const NAMES = new Set([
  'API',
  'JSON',
  'If',
  'Match',
  'PDF',
  'CSV',
  'DOCX',
  'XLSX',
  'PNG',
  'JPEG',
  'MiB',
  'ISO',
  'SHA',
  'URL',
  'HTTP',
  'SMTP',
  'UTC',
]);

/** Whole words of three Latin letters or more in a text of another script: English left untranslated. */
function latinWords(text: string): string[] {
  return (text.match(/[A-Za-z]{3,}/g) ?? []).filter((word) => !NAMES.has(word));
}

describe('problem details: the catalogues', () => {
  loadErrorModules();
  const keys = declaredDetailKeys();

  it('finds the details the contexts declare, not only the platform’s', () => {
    expect(keys).toEqual(expect.arrayContaining(['VERSION_CONFLICT', 'NOT_FOUND.Call', 'EMAIL_TAKEN']));
  });

  it('writes each detail in each language with the placeholders of the English', () => {
    const mismatched = keys.flatMap((key) => {
      const texts = detailTexts(key)!;
      const names = (text: string) => [...argumentsOf(text).keys()].sort().join(',');
      return LANGUAGES.filter((l) => names(texts[l]) !== names(texts.en)).map((l) => `${key}.${l}: ${texts[l]}`);
    });
    expect(mismatched).toEqual([]);
  });

  it('leaves no English in another language, and writes Arabic, Chinese and Russian in their scripts', () => {
    const untranslated = keys.flatMap((key) => {
      const texts = detailTexts(key)!;
      const values = sampleValues(Object.values(texts));
      return LANGUAGES.filter((language) => language !== 'en').flatMap((language) => {
        const said = formatDetail({ key, params: values }, language)!;
        const script = SCRIPTS[language];
        const wrong =
          texts[language] === texts.en ||
          said === formatDetail({ key, params: values }, 'en') ||
          (script !== undefined && (!script.test(said) || latinWords(said).length > 0));
        return wrong ? [`${key}.${language}: ${said}`] : [];
      });
    });
    expect(untranslated).toEqual([]);
  });

  it('has the words of every state of the state machines for an invalid transition', () => {
    const states = [
      ...CALL_STATUSES,
      ...COHORT_STATUSES,
      ...OFFER_STATUSES,
      ...AGREEMENT_STATUSES,
      ...APPLICATION_STATUSES,
      ...CLARIFICATION_STATUSES,
    ];
    expect(states.filter((state) => !(state in TRANSITION_WORDS.state))).toEqual([]);
  });
});

describe('problem details: lists in the text', () => {
  it('says which fields of a call may still change, and which may not, in English as before and in each language', () => {
    const several = new FieldLockedError('closed', ['weights', 'blind', 'expertise'], ['title', 'closesAt']);
    expect(several.message).toBe(
      'In a call that is closed, only weights, blind and expertise can change; not title, closesAt.',
    );
    expect(several.detailIn('fr')).toBe(
      'Dans un appel clôturé, seuls les champs weights, blind et expertise peuvent être modifiés ; la modification de title, closesAt n’est pas admise.',
    );
    const one = new FieldLockedError('reviewing', ['weights'], ['title']);
    expect(one.message).toBe('In a call that is reviewing, only weights can change; not title.');
    expect(one.detailIn('es')).toBe(
      'En una convocatoria en evaluación, solo puede modificarse el campo weights; no se admiten cambios en title.',
    );
  });

  it('names the first unknown placeholder of a circular and counts the others', () => {
    const problem = (field: string, placeholder: string) => ({ field, placeholder, allowed: ['selected', 'deadline'] });
    const single = new UnknownPlaceholderError([problem('results.body.en', 'aplications')]);
    expect(single.message).toBe('results.body.en names {aplications}; it may name {selected}, {deadline}.');
    expect(single.detailIn('ru')).toBe(
      'Текст results.body.en содержит {aplications}; в нём допустимы только {selected}, {deadline}.',
    );
    const three = new UnknownPlaceholderError([
      problem('results.body.en', 'aplications'),
      problem('results.body.fr', 'date'),
      problem('results.subject.es', 'x'),
    ]);
    expect(three.message).toBe(
      'results.body.en names {aplications}; it may name {selected}, {deadline}; 2 other texts name unknown placeholders too.',
    );
    expect(three.detailIn('fr')).toBe(
      'Le texte results.body.en contient {aplications} ; seuls {selected}, {deadline} peuvent y figurer ; 2 autres textes contiennent aussi des champs à remplir inconnus.',
    );
    expect(three.errors).toHaveLength(3);
  });
});

describe('problem details: the refusals of shortlists and promotions', () => {
  it('keeps their English and says them in each language', () => {
    expect(new InvalidPromotionError('BREAKS_CAP', 'COUNTRY_CAP').message).toBe(
      'Promoting this centre would break a cap of the call (COUNTRY_CAP).',
    );
    expect(new InvalidPromotionError('BREAKS_CAP', 'COUNTRY_CAP').detailIn('fr')).toBe(
      'La promotion de ce centre enfreindrait une limite de l’appel (plafond par pays).',
    );
    expect(new InvalidPromotionError('REASON_MISSING').message).toBe(
      'Another centre than the proposed one needs a written reason.',
    );
    expect(new InvalidShortlistChangeError('NOT_RANKED', 'a-1').message).toBe(
      'application a-1 is not ranked in the stage',
    );
    expect(new InvalidShortlistChangeError('NOT_RANKED', 'a-1').detailIn('zh')).toBe('申请 a-1 在该阶段没有排名。');
    expect(new StageNotScoredError(1, 3).message).toBe(
      'Stage 1 has 3 rescoring request(s) pending; the shortlist is made from its ranking.',
    );
    expect(new StageNotScoredError(1, 3).detailIn('es')).toBe(
      'La etapa 1 tiene 3 solicitudes de nuevo cálculo pendientes; la lista de preselección se elabora a partir de su clasificación.',
    );
    expect(new StageNotScoredError(2).message).toBe(
      'Stage 2 has no ranked application; the shortlist is made from its ranking.',
    );
  });
});

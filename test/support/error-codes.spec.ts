import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, ErrorDeclaration, PLATFORM_ERRORS, declarationOf, statusForCode } from '@app/platform/errors';
import { LANGUAGES, type Language } from '@app/platform/languages';

const ROOT = join(__dirname, '..', '..');

/** Every libs/<context>/src/domain/*.errors.ts, loaded: loading one declares its codes. */
const ERRORS_FILES = readdirSync(join(ROOT, 'libs')).flatMap((context) => {
  const domain = join(ROOT, 'libs', context, 'src', 'domain');
  try {
    return readdirSync(domain)
      .filter((name) => name.endsWith('.errors.ts'))
      .map((name) => join(domain, name));
  } catch {
    return [];
  }
});

/** The codes each declaration (PLATFORM_ERRORS, APPLICATIONS_ERRORS…) names, by where it is declared. */
function declaredCodes(): Array<{ declaredIn: string; code: string }> {
  const declarations: Array<[string, Record<string, ErrorCode>]> = [['platform', PLATFORM_ERRORS]];
  for (const file of ERRORS_FILES) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(file) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (name.endsWith('_ERRORS')) declarations.push([name, value as Record<string, ErrorCode>]);
    }
  }
  return declarations.flatMap(([declaredIn, codes]) => Object.keys(codes).map((code) => ({ declaredIn, code })));
}

/** The first argument of every DomainError built in the libraries' code: super(…) of a subclass or new DomainError(…). */
function thrownCodeExpressions(): Array<{ file: string; expression: string }> {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
    });
  return walk(join(ROOT, 'libs')).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    if (!/extends (DomainError|RetryLaterError)|new DomainError\(/.test(source)) return [];
    return [...source.matchAll(/(?:\bsuper|new DomainError)\(\s*([^,)]+)[,)]/g)]
      .map((m) => m[1].trim())
      .filter((expression) => !/^(message|code)$/.test(expression))
      .map((expression) => ({ file: file.slice(ROOT.length + 1), expression }));
  });
}

/** The script each language is written in; French and Spanish share English's, so they must differ from it. */
const SCRIPTS: Partial<Record<Language, RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  zh: /\p{Script=Han}/u,
  ru: /\p{Script=Cyrillic}/u,
};

function writtenIn(language: Language, text: string | undefined, english: string): boolean {
  if (!text?.trim() || text === english) return false;
  // Whole English words (three letters or more) left in a text of another script, but API.
  const latinWords = (text.match(/[A-Za-z]{3,}/g) ?? []).filter((word) => word !== 'API');
  const script = SCRIPTS[language];
  return script ? script.test(text) && latinWords.length === 0 : true;
}

describe('error codes', () => {
  const declared = declaredCodes();

  it('declares each code once, in one context or the platform', () => {
    const twice = declared.filter((d, i) => declared.findIndex((e) => e.code === d.code) !== i);
    expect(twice).toEqual([]);
  });

  it('gives every declared code an error status and a title in each language', () => {
    const incomplete = declared
      .map(({ code }) => [code, declarationOf(code)] as [string, ErrorDeclaration | undefined])
      .filter(([, d]) => !d || d.status < 400 || d.status > 599 || LANGUAGES.some((l) => !d.title[l]?.trim()));
    expect(incomplete).toEqual([]);
  });

  it('writes each title in its language: no English left in another, each in its script', () => {
    const untranslated = declared.flatMap(({ code }) => {
      const title = (declarationOf(code) as ErrorDeclaration).title;
      return LANGUAGES.filter((l) => l !== 'en' && !writtenIn(l, title[l], title.en)).map(
        (l) => `${code}.${l}: ${title[l]}`,
      );
    });
    expect(untranslated).toEqual([]);
  });

  it('throws only declared codes, named by their declaration', () => {
    const codes = new Set(declared.map((d) => d.code));
    const undeclared = thrownCodeExpressions().filter(({ expression }) => {
      const named = /^[A-Z]+_ERRORS\.([A-Z_]+)$/.exec(expression);
      return !named || !codes.has(named[1]);
    });
    expect(undeclared).toEqual([]);
  });

  // API.md "Status codes": the statuses clients rely on.
  it.each([
    ['VALIDATION_FAILED', 400],
    ['UNAUTHENTICATED', 401],
    ['INVALID_CREDENTIALS', 401],
    ['INVALID_REFRESH_TOKEN', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['DEADLINE_PASSED', 409],
    ['CALL_NOT_OPEN', 409],
    ['INVALID_TRANSITION', 409],
    ['DUPLICATE_APPLICATION', 409],
    ['COHORT_PUBLISHED', 409],
    ['COHORT_OUTDATED', 409],
    ['SCORING_IN_PROGRESS', 409],
    ['EMAIL_TAKEN', 409],
    ['FIELD_LOCKED', 409],
    ['REFERENCE_TAKEN', 409],
    ['ORGANISATION_REQUIRED', 409],
    ['ORGANISATION_EXISTS', 409],
    ['CONFLICT_OF_INTEREST', 409],
    ['NOT_ON_PANEL', 409],
    ['ALREADY_ASSIGNED', 409],
    ['NOT_ASSIGNABLE', 409],
    ['EVALUATOR_HAS_ASSIGNMENTS', 409],
    ['VERSION_CONFLICT', 412],
    ['PAYLOAD_TOO_LARGE', 413],
    ['QUOTA_EXCEEDED', 413],
    ['UNSUPPORTED_MEDIA_TYPE', 415],
    ['INCOMPLETE_APPLICATION', 422],
    ['INCOMPLETE_EVALUATION', 422],
    ['INVALID_OVERRIDE', 422],
    ['PRECONDITION_REQUIRED', 428],
    ['RATE_LIMITED', 429],
    ['INTERNAL_ERROR', 500],
    ['SERVICE_UNAVAILABLE', 503],
  ])('answers %s with %d', (code, status) => {
    expect(statusForCode(code)).toBe(status);
  });
});

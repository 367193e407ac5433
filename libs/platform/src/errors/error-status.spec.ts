import { ErrorDeclaration, declarationOf, declareErrors } from './error-declarations';
import { PLATFORM_ERRORS, codeForStatus, problemTitle, statusForCode } from './error-status';

describe('statusForCode', () => {
  it.each([
    [PLATFORM_ERRORS.VALIDATION_FAILED, 400],
    [PLATFORM_ERRORS.UNAUTHENTICATED, 401],
    [PLATFORM_ERRORS.FORBIDDEN, 403],
    [PLATFORM_ERRORS.NOT_FOUND, 404],
    [PLATFORM_ERRORS.INVALID_TRANSITION, 409],
    [PLATFORM_ERRORS.COHORT_PUBLISHED, 409],
    [PLATFORM_ERRORS.VERSION_CONFLICT, 412],
    [PLATFORM_ERRORS.PAYLOAD_TOO_LARGE, 413],
    [PLATFORM_ERRORS.PRECONDITION_REQUIRED, 428],
    [PLATFORM_ERRORS.RATE_LIMITED, 429],
    [PLATFORM_ERRORS.INTERNAL_ERROR, 500],
  ])('maps %s to %d', (code, status) => {
    expect(statusForCode(code)).toBe(status);
  });

  it.each(['SOMETHING_NEW', '', 'validation_failed', 'toString', 'constructor', '__proto__'])(
    'answers the undeclared code %j as the bug it is: 500, never a guessed refusal',
    (code) => {
      expect(statusForCode(code)).toBe(500);
    },
  );

  it('answers a code with the status its context declared', () => {
    const { TEAPOT_BREWING } = declareErrors({
      TEAPOT_BREWING: {
        status: 418,
        title: {
          ar: 'قيد التحضير',
          zh: '正在冲泡',
          en: 'Brewing',
          fr: 'Infusion en cours',
          ru: 'Заваривается',
          es: 'En infusión',
        },
      },
    });
    expect(statusForCode(TEAPOT_BREWING)).toBe(418);
    expect(problemTitle(TEAPOT_BREWING, 'fr')).toBe('Infusion en cours');
  });

  it('refuses a code declared again with another status', () => {
    // The same titles, another status.
    const { title } = declarationOf(PLATFORM_ERRORS.NOT_FOUND) as ErrorDeclaration;
    expect(() => declareErrors({ NOT_FOUND: { status: 410, title } })).toThrow('NOT_FOUND');
    expect(statusForCode(PLATFORM_ERRORS.NOT_FOUND)).toBe(404);
  });
});

describe('codeForStatus', () => {
  it.each([
    [400, 'VALIDATION_FAILED'],
    [401, 'UNAUTHENTICATED'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [412, 'VERSION_CONFLICT'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [429, 'RATE_LIMITED'],
  ])('maps %d to %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });

  it('falls back to INTERNAL_ERROR for unlisted 5xx and BAD_REQUEST for unlisted 4xx', () => {
    expect(codeForStatus(500)).toBe('INTERNAL_ERROR');
    expect(codeForStatus(502)).toBe('INTERNAL_ERROR');
    expect(codeForStatus(418)).toBe('BAD_REQUEST');
  });

  it('round-trips every code it produces for a listed status (but 409, which many codes share)', () => {
    for (const status of [400, 401, 403, 404, 405, 412, 413, 415, 428, 429, 503]) {
      expect(statusForCode(codeForStatus(status))).toBe(status);
    }
  });
});

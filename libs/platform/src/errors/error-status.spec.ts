import { codeForStatus, statusForCode } from './error-status';

describe('statusForCode', () => {
  it.each([
    ['VALIDATION_FAILED', 400],
    ['UNAUTHENTICATED', 401],
    ['INVALID_CREDENTIALS', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['VERSION_CONFLICT', 412],
    ['PAYLOAD_TOO_LARGE', 413],
    ['QUOTA_EXCEEDED', 413],
    ['UNSUPPORTED_MEDIA_TYPE', 415],
    ['INCOMPLETE_APPLICATION', 422],
    ['INCOMPLETE_EVALUATION', 422],
    ['PRECONDITION_REQUIRED', 428],
    ['RATE_LIMITED', 429],
    ['INTERNAL_ERROR', 500],
  ])('maps %s to %d', (code, status) => {
    expect(statusForCode(code)).toBe(status);
  });

  // API.md lists these as the 409 state conflicts; they rely on the default.
  it.each([
    'DEADLINE_PASSED',
    'CALL_NOT_OPEN',
    'INVALID_TRANSITION',
    'DUPLICATE_APPLICATION',
    'COHORT_PUBLISHED',
    'SCORING_IN_PROGRESS',
    'EMAIL_TAKEN',
    'FIELD_LOCKED',
    'REFERENCE_TAKEN',
  ])('maps the state conflict %s to 409', (code) => {
    expect(statusForCode(code)).toBe(409);
  });

  it.each(['SOMETHING_NEW', '', 'validation_failed', 'toString', 'constructor', '__proto__'])(
    'treats the unknown code %j as a 409 conflict',
    (code) => {
      expect(statusForCode(code)).toBe(409);
    },
  );
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

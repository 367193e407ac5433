import fc from 'fast-check';
import { DomainError } from '../errors';
import { parseIfMatch } from './if-match';

function thrown(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('parseIfMatch', () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['3', 3],
    ['  "42"  ', 42],
    ['"0"', 0],
    ['"007"', 7],
    ['"999999999"', 999_999_999],
  ])('reads %j as version %d', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it.each([undefined, '', '   '])('answers PRECONDITION_REQUIRED when the header is %j', (header) => {
    const error = thrown(() => parseIfMatch(header));
    expect(error.code).toBe('PRECONDITION_REQUIRED');
  });

  it.each(['abc', '*', '"3", "4"', '-1', '3.5', '"1e3"', 'w/"3"', '"3" x', '1234567890', '""', 'W/'])(
    'answers VALIDATION_FAILED on the If-Match header for %j',
    (header) => {
      const error = thrown(() => parseIfMatch(header));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
    },
  );

  it('reads back every version written in any of the accepted forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.constantFrom('"%"', 'W/"%"', '%'), (n, form) => {
        expect(parseIfMatch(form.replace('%', String(n)))).toBe(n);
      }),
    );
  });

  it('never returns anything but a non-negative safe integer, and refuses what holds no digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (header) => {
        let version: number | undefined;
        try {
          version = parseIfMatch(header);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect(['PRECONDITION_REQUIRED', 'VALIDATION_FAILED']).toContain((error as DomainError).code);
          return;
        }
        expect(Number.isSafeInteger(version)).toBe(true);
        expect(version).toBeGreaterThanOrEqual(0);
        expect(header).toMatch(/\d/);
      }),
    );
  });
});

import { formatDetail } from '@app/platform/errors';
import { AllocationViolationError } from './session-allocation.errors';

describe('AllocationViolationError', () => {
  const titles = new Map([['hlps_1', 'Bridging the digital divide']]);
  const titleOf = (key: string) => titles.get(key) ?? key;

  it('says a country above its limit with the session’s title, in the reader’s language and plural', () => {
    const error = new AllocationViolationError(
      [{ code: 'OVER_COUNTRY_LIMIT', sessionKey: 'hlps_1', countryCode: 'KE', allocated: 2, limit: 1 }],
      titleOf,
    );
    expect(error.message).toBe(
      'The amendment cannot be made: KE would have 2 speakers in the session “Bridging the digital divide”, above the limit of 1 per country.',
    );
    expect(formatDetail(error.detail!, 'fr')).toBe(
      'La modification ne peut être faite : KE aurait 2 orateurs dans la session « Bridging the digital divide », au-delà de la limite de 1 par pays.',
    );
    expect(formatDetail(error.detail!, 'ru')).toContain('2 выступающих');
    expect(error.errors).toEqual([
      {
        field: 'sessionKey',
        message: 'KE would hold 2 seats in session hlps_1, above the limit of 1',
        code: 'OVER_COUNTRY_LIMIT',
        params: { sessionKey: 'hlps_1', countryCode: 'KE', allocated: 2, limit: 1 },
      },
    ]);
  });

  it('says a full session in the singular for one seat, and an unknown session by its key', () => {
    const full = new AllocationViolationError(
      [{ code: 'OVER_CAPACITY', sessionKey: 'hlps_1', allocated: 2, capacity: 1 }],
      titleOf,
    );
    expect(full.message).toBe(
      'The amendment cannot be made: the session “Bridging the digital divide” has only 1 seat, and 2 replies would hold them.',
    );
    const unknown = new AllocationViolationError(
      [{ code: 'NOT_A_SESSION', replyId: 'r1', sessionKey: 'hlps_9' }],
      titleOf,
    );
    expect(unknown.message).toBe('The amendment cannot be made: the call has no session “hlps_9”.');
  });

  it('falls back to the English list for what only broken data can give', () => {
    const twice = new AllocationViolationError([{ code: 'ALLOCATED_TWICE', replyId: 'r1' }], titleOf);
    expect(twice.message).toBe('The amendment cannot be made: reply r1 is allocated more than one session.');
  });
});

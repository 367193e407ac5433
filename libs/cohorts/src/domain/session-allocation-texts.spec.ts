import { LANGUAGES, type Language } from '@app/platform/languages';
import { genevaTimes, programmeTexts } from './session-allocation-texts';

const inEvery = (text: string, overrides: Partial<Record<Language, string>> = {}) =>
  ({ ...Object.fromEntries(LANGUAGES.map((l) => [l, text])), ...overrides }) as Record<Language, string>;

describe('the allocation notices’ texts', () => {
  // 8 July 2031, 08:00 UTC: 10:00 in Geneva (summer time).
  const opening = new Date('2031-07-08T08:00:00Z');

  it('writes a session’s start in Geneva time in each language', () => {
    const times = genevaTimes(opening);
    expect(times.en).toBe('Tuesday, July 8, 2031 at 10:00 AM');
    expect(times.fr).toBe('mardi 8 juillet 2031 à 10:00');
  });

  it('lists each session with its time and speakers, punctuated and joined as each language does', () => {
    const programme = programmeTexts([
      {
        title: inEvery('Bridging the digital divide', { fr: 'Réduire la fracture numérique' }),
        startsAt: opening,
        speakers: ['ICT Authority (KE)', 'Ministry of Communications (IN)', 'Ministère (SN)'],
      },
      { title: inEvery('Trust and security'), startsAt: new Date('2031-07-09T08:00:00Z'), speakers: [] },
    ]);
    expect(programme.en.split('\n')).toEqual([
      '- Bridging the digital divide, Tuesday, July 8, 2031 at 10:00 AM: ICT Authority (KE), Ministry of Communications (IN), and Ministère (SN)',
      '- Trust and security, Wednesday, July 9, 2031 at 10:00 AM: no speaker',
    ]);
    expect(programme.fr.split('\n')).toEqual([
      '- Réduire la fracture numérique, mardi 8 juillet 2031 à 10:00\u00a0: ICT Authority (KE), Ministry of Communications (IN) et Ministère (SN)',
      '- Trust and security, mercredi 9 juillet 2031 à 10:00\u00a0: aucun orateur',
    ]);
    expect(programme.zh).toContain('：');
    for (const language of LANGUAGES) expect(programme[language].split('\n')).toHaveLength(2);
  });
});

import type { Call } from './call';
import { callIn, sessionTitlesOf, titlesOf } from './call-in-language';

/** A call with no texts but those a test gives. */
const bareCall = { title: 'Call', description: 'About', criteria: [], stages: [], questions: [], sessions: [] };

describe('titlesOf', () => {
  it('gives the title in each language, English where it is not translated or blank', () => {
    const call = {
      title: 'Call for accelerator centres',
      translations: {
        fr: { title: 'Appel aux centres d’accélération' },
        es: { title: '  ' },
        ru: { description: 'x' },
      },
    } as Pick<Call, 'title' | 'translations'>;
    expect(titlesOf(call)).toEqual({
      ar: 'Call for accelerator centres',
      zh: 'Call for accelerator centres',
      en: 'Call for accelerator centres',
      fr: 'Appel aux centres d’accélération',
      ru: 'Call for accelerator centres',
      es: 'Call for accelerator centres',
    });
  });

  it('says what callIn says', () => {
    const call = { ...bareCall, translations: { zh: { title: '征集' } } } as unknown as Call;
    expect(titlesOf(call).zh).toBe(callIn(call, 'zh').title);
    expect(titlesOf(call).ar).toBe(callIn(call, 'ar').title);
  });
});

describe('sessionTitlesOf', () => {
  const call = {
    ...bareCall,
    sessions: [
      { key: 'hlps_1', title: 'Digital inclusion', startsAt: new Date(0), endsAt: null, capacity: 3 },
      { key: 'hlps_2', title: 'Cybersecurity', startsAt: new Date(0), endsAt: null, capacity: 3 },
    ],
    translations: {
      fr: { sessions: { hlps_1: { title: 'Inclusion numérique' } } },
      es: { sessions: { hlps_1: { title: '  ' } } },
    },
  } as unknown as Call;

  it('gives each session’s title in each language by key, English where it is not translated or blank', () => {
    const titles = sessionTitlesOf(call);
    expect(titles.get('hlps_1')).toEqual({
      ar: 'Digital inclusion',
      zh: 'Digital inclusion',
      en: 'Digital inclusion',
      fr: 'Inclusion numérique',
      ru: 'Digital inclusion',
      es: 'Digital inclusion',
    });
    expect(titles.get('hlps_2')?.fr).toBe('Cybersecurity');
  });

  it('says what callIn says', () => {
    for (const language of ['fr', 'es', 'ar'] as const) {
      expect(callIn(call, language).sessions.map((s) => sessionTitlesOf(call).get(s.key)?.[language])).toEqual(
        callIn(call, language).sessions.map((s) => s.title),
      );
    }
    expect(callIn(call, 'fr').sessions[0].title).toBe('Inclusion numérique');
  });
});

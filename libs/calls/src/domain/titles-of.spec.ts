import type { Call } from './call';
import { callIn, titlesOf } from './call-in-language';

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
    const call = {
      title: 'Call',
      description: 'About',
      criteria: [],
      stages: [],
      questions: [],
      translations: { zh: { title: '征集' } },
    } as unknown as Call;
    expect(titlesOf(call).zh).toBe(callIn(call, 'zh').title);
    expect(titlesOf(call).ar).toBe(callIn(call, 'ar').title);
  });
});

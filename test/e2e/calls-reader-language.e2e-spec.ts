import { createApplicant, createCall, createStaff } from '../support/fixtures';
import { TestApi } from '../support/test-app';

/**
 * Issue 17: a call read with neither `lang` nor Accept-Language is in the signed-in reader's saved
 * language; `lang` and Accept-Language still win, and an anonymous reader without either gets English.
 */
describe('calls: the reader’s saved language', () => {
  const FRENCH = 'Appel aux centres d’accélération';
  let api: TestApi;
  let callId: string;
  let frenchToken: string;

  beforeAll(async () => {
    api = await TestApi.start();
    const secretariat = await createStaff(api, 'secretariat');
    ({ id: callId } = await createCall(api, secretariat.token, { translations: { fr: { title: FRENCH } } }));
    frenchToken = (await createApplicant(api, 'SN', {}, 'fr')).token;
  });
  afterAll(async () => {
    await api.close();
  });

  const read = async (token: string | undefined, query = '', headers: Record<string, string> = {}) => {
    const res = await api.get(`/api/v1/calls/${callId}${query}`, { token, headers });
    expect(res.status).toBe(200);
    return res.body.localized as { language: string; title: string };
  };

  it('uses the saved language when the request names none', async () => {
    expect(await read(frenchToken)).toMatchObject({ language: 'fr', title: FRENCH });
  });

  it('lets lang and Accept-Language win over it', async () => {
    expect((await read(frenchToken, '?lang=en')).language).toBe('en');
    expect((await read(frenchToken, '', { 'accept-language': 'es' })).language).toBe('es');
  });

  it('gives an anonymous reader English', async () => {
    expect((await read(undefined)).language).toBe('en');
  });
});

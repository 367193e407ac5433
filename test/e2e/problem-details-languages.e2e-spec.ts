import { randomUUID } from 'node:crypto';
import { Actor, Applicant, createApplicant, createCall, createStaff } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem } from './identity.helpers';

/** The same problem read in each language: its `detail`, like its title, follows Accept-Language; its code does not. */
describe('problem details in the reader’s language', () => {
  let api: TestApi;
  let applicant: Applicant;
  let secretariat: Actor;

  beforeAll(async () => {
    api = await TestApi.start();
    applicant = await createApplicant(api, 'KE');
    secretariat = await createStaff(api, 'secretariat');
  });
  afterAll(() => api.close());

  const JSON_TYPE = { 'Content-Type': 'application/json' };
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it.each([
    ['ar', 'يلزم رمز وصول صالح.'],
    ['zh-CN,zh;q=0.9', '需要有效的访问令牌。'],
    ['fr-CH', 'Un jeton d’accès valide est requis.'],
    ['es-419', 'Se requiere un token de acceso válido.'],
    ['ru', 'Требуется действительный токен доступа.'],
    ['en-GB', 'A valid access token is required.'],
  ])('says why a request needs a token in %s', async (acceptLanguage, detail) => {
    const res = await api.get('/api/v1/me', { headers: { 'Accept-Language': acceptLanguage } });
    expectProblem(res, 401, 'UNAUTHENTICATED');
    expect(res.body.detail).toBe(detail);
  });

  it.each([
    ['ar', 'لم يُعثر على الدعوة.'],
    ['zh', '未找到该征集。'],
    ['fr', 'Appel introuvable.'],
    ['es', 'No se ha encontrado la convocatoria.'],
    ['ru', 'Призыв не найден.'],
  ])('names the missing entity in %s', async (acceptLanguage, detail) => {
    const res = await api.get(`/api/v1/calls/${randomUUID()}`, {
      token: applicant.token,
      headers: { 'Accept-Language': acceptLanguage },
    });
    expectProblem(res, 404, 'NOT_FOUND');
    expect(res.body.detail).toBe(detail);
  });

  it.each([
    ['ar', `يتجاوز تداخل متن JSON ${(64).toLocaleString('ar')} مستوى.`],
    ['zh', 'JSON 请求体的嵌套超过 64 层。'],
    ['fr', 'Le corps JSON comporte plus de 64 niveaux d’imbrication.'],
    ['es', 'El cuerpo JSON tiene más de 64 niveles de anidamiento.'],
    ['ru', 'Вложенность тела JSON превышает 64 уровня.'],
    ['en', 'The JSON body is nested deeper than 64 levels.'],
  ])('puts the values in the text, with the plural of the language, in %s', async (acceptLanguage, detail) => {
    const res = await api.post('/api/v1/auth/login', {
      body: nested(65),
      headers: { ...JSON_TYPE, 'Accept-Language': acceptLanguage },
    });
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(res.body.detail).toBe(detail);
  });

  it('says what the body parser refuses in the reader’s language too', async () => {
    const res = await api.post('/api/v1/auth/login', {
      body: '{}',
      headers: { 'Content-Type': 'application/json; charset=klingon', 'Accept-Language': 'zh' },
    });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(res.body.detail).toBe('不支持请求体的字符集或内容编码。');
  });

  it.each([
    ['fr', 'Il n’est pas possible d’ouvrir cet appel dont le statut est « ouvert ».'],
    ['ar', 'لا يمكن تنفيذ الإجراء «الفتح» على هذه الدعوة في الحالة «مفتوحة».'],
    ['es-MX', 'No es posible abrir esta convocatoria cuyo estado es «abierta».'],
    ['en', 'A call that is open cannot be opened.'],
  ])('names the entity, its state and the action refused in %s', async (acceptLanguage, detail) => {
    const call = await createCall(api, secretariat.token);
    const res = await api.post(`/api/v1/calls/${call.id}/open`, {
      token: secretariat.token,
      headers: { 'Accept-Language': acceptLanguage },
    });
    expectProblem(res, 409, 'INVALID_TRANSITION');
    expect(res.body.detail).toBe(detail);
  });
});

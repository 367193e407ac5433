import type { Response } from 'supertest';
import { extractPdfText } from '../../libs/cohorts/src/annex/testing/pdf-text';
import { sql } from '../support/applications';
import { withEnv } from '../support/async';
import { getBytes } from '../support/binary-get';
import { expectProblem } from '../support/calls-e2e';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor, createCall, registrationCall } from '../support/fixtures';
import { TestApi } from '../support/test-app';

/**
 * The circular of a registration call (a declaration of interest): addressed to the membership
 * categories the call names, asking for replies by the deadline on the call's page, with the
 * contact the secretariat gives; the announcement of a selection call asks for applications as before.
 */

const BASE_URL = 'https://alliance.example.org';
const CONTACT = { name: 'Ms A. Secretary', email: 'a.secretary@itu.int', phone: '+41 22 730 5111' };
const ADDRESSED = ['Administrations of ITU Member States', 'ITU-D Sector Members'];
const NOT_ADDRESSED = ['ITU Academia', 'National regulatory authorities', 'United Nations agencies'];

/** A declaration of interest (CL-19/35): no panel, no scores, addressed to two membership categories. */
const DECLARATION_OF_INTEREST = registrationCall();

/** A deadline as the letter prints it in English: in Geneva, where the secretariat sits. */
function genevaDeadline(iso: string): string {
  const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Zurich' });
  return `${format.format(new Date(iso))} (Geneva time)`;
}

describe('the circular of a registration call', () => {
  let api: TestApi;
  let secretariat: Actor;
  let registration: { id: string; body: Record<string, unknown> };

  beforeAll(async () => {
    api = await withEnv({ PUBLIC_BASE_URL: BASE_URL }, () => TestApi.start());
    secretariat = await secretariatOf(api);
    registration = await createCall(api, secretariat.token, DECLARATION_OF_INTEREST);
  }, 120_000);
  afterAll(() => api?.close());

  const settingsUrl = (callId: string) => `/api/v1/calls/${callId}/circular`;
  const letter = (callId: string, format: 'pdf' | 'html', token?: string): Promise<Response> =>
    getBytes(
      api,
      `/api/v1/calls/${callId}/announcement.${format}?lang=en`,
      token ? { Authorization: `Bearer ${token}` } : {},
    );

  it('defaults to an invitation to reply, addressed to the categories the call names, with no contact', async () => {
    const res = await api.get(settingsUrl(registration.id), { token: secretariat.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      addressees: ['member-state-administrations', 'sector-members'],
      announcement: { subject: { en: 'Invitation: {call}' } },
      contact: null,
    });
    expect(res.body.announcement.body.en).toContain('Please reply on the platform by {deadline}.');
  });

  it('keeps the contact the secretariat sets, refusing a malformed one, until it is removed with null', async () => {
    const defaults = (await api.get(settingsUrl(registration.id), { token: secretariat.token })).body;
    for (const contact of [
      { ...CONTACT, email: 'not-an-address' },
      { name: '', email: CONTACT.email },
      { name: CONTACT.name },
      'Ms A. Secretary',
    ])
      expectProblem(
        await api.put(settingsUrl(registration.id), { token: secretariat.token, body: { ...defaults, contact } }),
        400,
        'VALIDATION_FAILED',
      );

    const saved = await api.put(settingsUrl(registration.id), {
      token: secretariat.token,
      body: { ...defaults, contact: CONTACT },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.contact).toEqual(CONTACT);
    // A client that does not know the contact leaves it as written.
    const { contact: _, ...withoutContact } = defaults as Record<string, unknown>;
    const kept = await api.put(settingsUrl(registration.id), { token: secretariat.token, body: withoutContact });
    expect(kept.status).toBe(200);
    expect(kept.body.contact).toEqual(CONTACT);
    const [row] = await sql<{ contact: unknown }>(
      api,
      `SELECT circular->'contact' AS contact FROM calls WHERE id = $1`,
      [registration.id],
    );
    expect(row.contact).toEqual(CONTACT);

    const other = await createCall(api, secretariat.token, DECLARATION_OF_INTEREST, false);
    const body = { ...(await api.get(settingsUrl(other.id), { token: secretariat.token })).body, contact: CONTACT };
    expect((await api.put(settingsUrl(other.id), { token: secretariat.token, body })).status).toBe(200);
    const removed = await api.put(settingsUrl(other.id), {
      token: secretariat.token,
      body: { ...body, contact: null },
    });
    expect(removed.body.contact).toBeNull();
    expect((await api.get(settingsUrl(other.id), { token: secretariat.token })).body.contact).toBeNull();
  });

  it('asks for replies by the deadline on the call’s page, naming the contact and the two addressees, as HTML', async () => {
    const res = await letter(registration.id, 'html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = (res.body as Buffer).toString('utf8');
    const url = `${BASE_URL}/calls/${registration.id}`;
    const title = registration.body.title as string;
    expect(html).toContain(`<h1>Subject: Invitation: ${title}</h1>`);
    expect(html).toContain(`I have the honour to invite you to ${title}, described in Annex I.`);
    expect(html).toContain(`<p>Deadline for replies: ${genevaDeadline(registration.body.closesAt as string)}</p>`);
    expect(html).toContain(`<p>Reply on the platform: <a href="${url}">${url}</a></p>`);
    expect(html).toContain(
      `<p>Contact: ${CONTACT.name}, <a href="mailto:${CONTACT.email}">${CONTACT.email}</a>, ${CONTACT.phone}</p>`,
    );
    for (const addressee of ADDRESSED) expect(html).toContain(`<li>${addressee}</li>`);
    for (const other of NOT_ADDRESSED) expect(html).not.toContain(other);
    expect(html).not.toContain('Apply at:');
  });

  it('says the same in the PDF', async () => {
    const res = await letter(registration.id, 'pdf');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text } = await extractPdfText(res.body as Buffer);
    for (const expected of [
      `Invitation: ${registration.body.title as string}`,
      'Please reply on the platform by',
      `Deadline for replies: ${genevaDeadline(registration.body.closesAt as string)}`,
      `Reply on the platform: ${BASE_URL}/calls/${registration.id}`,
      `Contact: ${CONTACT.name}, ${CONTACT.email}, ${CONTACT.phone}`,
      ...ADDRESSED,
    ])
      expect(text).toContain(expected);
    for (const other of [...NOT_ADDRESSED, 'Apply at:', 'Deadline for applications']) expect(text).not.toContain(other);
  });

  it('leaves a selection call’s announcement as it was: every usual addressee, applications, no contact', async () => {
    const selection = await createCall(api, secretariat.token);
    const html = ((await letter(selection.id, 'html')).body as Buffer).toString('utf8');
    const url = `${BASE_URL}/calls/${selection.id}`;
    expect(html).toContain(`<h1>Subject: Call for accelerator centres: ${selection.body.title as string}</h1>`);
    expect(html).toContain(`<p>Deadline for applications: ${genevaDeadline(selection.body.closesAt as string)}</p>`);
    expect(html).toContain(`<p>Apply at: <a href="${url}">${url}</a></p>`);
    for (const addressee of [...ADDRESSED, ...NOT_ADDRESSED]) expect(html).toContain(`<li>${addressee}</li>`);
    for (const absent of ['ITU-D Associates', 'Other organizations', 'Contact:', 'Reply on the platform'])
      expect(html).not.toContain(absent);
    const { text } = await extractPdfText((await letter(selection.id, 'pdf')).body as Buffer);
    expect(text).toContain(`Apply at: ${url}`);
    expect(text).not.toContain('Contact:');
  });
});

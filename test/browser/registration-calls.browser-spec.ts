import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import {
  journeyLanguages,
  type Language,
  WebPlatform,
  activate,
  checkPage,
  launchBrowser,
  newVisitor,
  signedInVisitor,
  text,
  textsOf,
  JOURNEY_TIMEOUT_MS,
} from '../support/browser';
import { secretariatOf } from '../support/evaluation-fixtures';
import { type Actor, type Applicant, createApplicant } from '../support/fixtures';

/**
 * A registration call in the browser (issue 19): the secretariat builds a request for speaking time
 * with two sessions in the builder and opens it; a replier picks its sessions in order and submits;
 * the secretariat confirms the reply with a reason, closes the call, computes the allocation on the
 * Sessions page and confirms it; the public programme names the speaker under its session, in
 * Geneva time. Each page and dialog checked by axe-core and photographed.
 */

const SUITE = 'registration-calls';
const LANGUAGES = journeyLanguages('en');
const SPEAKER = 'Dakar Digital Ministry';

/** `YYYY-MM-DDTHH:mm` as Geneva's clocks show an instant: what the builder's date fields take. */
function genevaWallTime(instant: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Zurich',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

describe('a registration call with sessions in the browser', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;
  let replier: Applicant;

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    secretariat = await secretariatOf(platform.api);
    replier = await createApplicant(platform.api, 'SN', {
      name: SPEAKER,
      type: 'government',
      membershipCategory: 'member_state_administration',
    });
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function expectTitle(page: Page, title: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  it.each(LANGUAGES)(
    'is built, replied to, decided, allocated and published as a programme (%s)',
    async (language: Language) => {
      const t = textsOf(language, 'secretariat');
      const ta = textsOf(language, 'applicant');
      const tp = textsOf(language, 'public');
      const title = `Speaking time at the Forum (${language})`;

      // The builder: a registration call has no criteria, scoring or cohort size, but sessions.
      const staff = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await staff.goto('/secretariat/calls/new');
      await expectTitle(staff, t('builder.newTitle'));
      await staff.getByRole('radio', { name: t('builder.kind.registration') }).check();
      await staff.getByRole('group', { name: t('builder.criteria.title') }).waitFor({ state: 'detached' });
      expect(await staff.getByLabel(t('builder.basics.cohortSize')).count()).toBe(0);
      await staff.getByLabel(t('builder.basics.reference')).fill(`WSIS/${randomUUID().slice(0, 8)}`);
      await staff.getByRole('textbox', { name: t('builder.basics.callTitle'), exact: true }).fill(title);
      await staff.getByLabel(t('builder.basics.opensAt')).fill(genevaWallTime(Date.now() - 10 * 60_000));
      await staff.getByRole('checkbox', { name: text(language, 'membership.un_agency') }).check();
      await staff.getByRole('checkbox', { name: text(language, 'membership.member_state_administration') }).check();
      const sessions = [
        { key: 'hlps_1', title: 'Opening high-level session', startsAt: '2040-05-04T09:00', capacity: '1' },
        { key: 'hlps_2', title: 'Closing high-level session', startsAt: '2040-05-08T16:00', capacity: '2' },
      ];
      const sessionsSection = staff.getByRole('group', { name: t('builder.sessions.title'), exact: true });
      for (const [index, session] of sessions.entries()) {
        await activate(staff, staff.getByRole('button', { name: t('builder.sessions.add') }));
        await sessionsSection.getByLabel(t('builder.sessions.key')).nth(index).fill(session.key);
        await sessionsSection.getByLabel(t('builder.sessions.sessionTitle')).nth(index).fill(session.title);
        await sessionsSection.getByLabel(t('builder.sessions.startsAt')).nth(index).fill(session.startsAt);
        await sessionsSection.getByLabel(t('builder.sessions.capacity')).nth(index).fill(session.capacity);
      }
      await staff.getByRole('radio', { name: t('builder.sessions.receipt'), exact: true }).waitFor();
      await checkPage(staff, SUITE, 'builder', language);
      await activate(staff, staff.getByRole('button', { name: t('builder.create') }));
      await expectTitle(staff, t('call.section.overview'));
      const callId = /\/secretariat\/calls\/([^/]+)/.exec(staff.url())![1]!;
      const created = await platform.api.get(`/api/v1/calls/${callId}`, { token: secretariat.token });
      expect(created.body).toMatchObject({
        kind: 'registration',
        criteria: [],
        eligibility: { addresseeCategories: ['member_state_administration', 'un_agency'] },
        sessions: [
          { key: 'hlps_1', startsAt: '2040-05-04T07:00:00.000Z', capacity: 1 },
          { key: 'hlps_2', startsAt: '2040-05-08T14:00:00.000Z', capacity: 2 },
        ],
        sessionAllocation: { rule: 'receipt' },
      });
      await activate(staff, staff.getByRole('button', { name: t('transition.open.button') }));
      const opening = staff.getByRole('dialog', { name: t('transition.open.title') });
      await activate(staff, opening.getByRole('button', { name: t('transition.open.confirm'), exact: true }));
      await staff.getByRole('button', { name: t('transition.close.button') }).waitFor();

      // The replier: the call's sessions, then its own in order (the closing one first), and submits.
      const member = await signedInVisitor(browser, platform.baseUrl, language, replier);
      await member.goto(`/calls/${callId}`);
      await member.getByRole('heading', { level: 2, name: tp('sessions.title') }).waitFor();
      await activate(member, member.getByRole('link', { name: tp('call.reply') }));
      await expectTitle(member, ta('replyStart.title', { call: title }));
      await activate(member, member.getByRole('button', { name: ta('replyStart.start') }));
      const picker = member.getByRole('group', { name: ta('sessions.chosen') });
      await picker.getByText(ta('sessions.none')).waitFor();
      await picker.getByLabel(ta('sessions.add')).selectOption({ label: sessions[0]!.title });
      await activate(member, picker.getByRole('button', { name: text(language, 'ordered.add'), exact: true }));
      await picker.getByLabel(ta('sessions.add')).selectOption({ label: sessions[1]!.title });
      await activate(member, picker.getByRole('button', { name: text(language, 'ordered.add'), exact: true }));
      await activate(
        member,
        picker.getByRole('button', { name: text(language, 'ordered.moveUpNamed', { name: sessions[1]!.title }) }),
      );
      await member.getByText(ta('sessions.saved')).waitFor();
      await checkPage(member, SUITE, 'draft-reply', language);
      await activate(member, member.getByRole('button', { name: ta('submit.button') }));
      await member.getByText(ta('status.submitted'), { exact: true }).first().waitFor();
      await member.getByText(ta('reply.awaiting')).waitFor();
      const [reply] = (await platform.api.get('/api/v1/me/applications', { token: replier.token })).body.items.filter(
        (a: { callId: string }) => a.callId === callId,
      ) as Array<{ id: string }>;
      const stored = await platform.api.get(`/api/v1/applications/${reply!.id}`, { token: replier.token });
      expect(stored.body.sessionPreferences).toEqual(['hlps_2', 'hlps_1']);

      // The secretariat confirms the reply, with a reason (required).
      await staff.goto(`/secretariat/calls/${callId}/applications/${reply!.id}`);
      await expectTitle(staff, SPEAKER);
      await staff.getByText(t('reply.undecided')).waitFor();
      await activate(staff, staff.getByRole('button', { name: t('reply.confirmed.button') }));
      const deciding = staff.getByRole('dialog', { name: t('reply.confirmed.title') });
      await activate(staff, deciding.getByRole('button', { name: t('reply.confirmed.confirm'), exact: true }));
      await deciding.getByText(text(language, 'dialog.reasonTooShort', { count: 3 })).waitFor();
      await checkPage(staff, SUITE, 'decision-dialog', language);
      const reason = 'A ministerial speaker, as the Forum asked.';
      await deciding.getByLabel(t('reply.reason')).fill(reason);
      await activate(staff, deciding.getByRole('button', { name: t('reply.confirmed.confirm'), exact: true }));
      await deciding.waitFor({ state: 'hidden' });
      await staff.getByText(t('reply.reasonGiven', { reason })).waitFor();
      await checkPage(staff, SUITE, 'reply', language);

      // Closed, the call's replies are allocated on the Sessions page, then confirmed.
      await activate(staff, staff.getByRole('link', { name: t('call.section.overview') }));
      // Its overview counts confirmed replies and shows no evaluation settings.
      const statistics = staff.getByRole('region', { name: t('statistics.title') });
      await statistics.getByText(t('statistics.confirmed')).waitFor();
      expect(await staff.getByText(t('overview.evaluatorsPerApplication')).count()).toBe(0);
      await activate(staff, staff.getByRole('button', { name: t('transition.close.button') }));
      const closing = staff.getByRole('dialog', { name: t('transition.close.title') });
      await activate(staff, closing.getByRole('button', { name: t('transition.close.confirm'), exact: true }).last());
      await closing.waitFor({ state: 'hidden' });
      await activate(
        staff,
        staff
          .getByRole('navigation', { name: t('call.sections') })
          .getByRole('link', { name: t('call.section.sessions') }),
      );
      await expectTitle(staff, t('allocation.title'));
      await activate(staff, staff.getByRole('button', { name: t('allocation.compute.button') }));
      const row = staff.getByRole('row', { name: new RegExp(SPEAKER) });
      await row.getByText(sessions[1]!.title).waitFor();
      await row.getByText(t('allocation.preference', { rank: 1 })).waitFor();
      await checkPage(staff, SUITE, 'allocation', language);
      await activate(staff, staff.getByRole('button', { name: t('allocation.confirm.button') }));
      const confirming = staff.getByRole('dialog', { name: t('allocation.confirm.title') });
      await activate(staff, confirming.getByRole('button', { name: t('allocation.confirm.confirm'), exact: true }));
      await staff.getByText(t('allocation.confirmedTitle')).waitFor();

      // The public programme: the speaker under its session, in Geneva time.
      const visitor = await newVisitor(browser, platform.baseUrl, language);
      // A closed call is out of the public's sight until published: its programme has an address of its own.
      await visitor.goto(`/calls/${callId}/programme`);
      await expectTitle(visitor, tp('programme.title', { call: title }));
      const closingSession = visitor.getByRole('region', { name: sessions[1]!.title });
      await closingSession.getByText(SPEAKER).waitFor();
      await closingSession.getByText(text(language, 'time.genevaOnly')).waitFor();
      await visitor.getByRole('region', { name: sessions[0]!.title }).getByText(tp('programme.noSpeakers')).waitFor();
      await checkPage(visitor, SUITE, 'programme', language);
      for (const page of [staff, member, visitor]) await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

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
  screenshot,
  signedInVisitor,
  text,
  textsOf,
  JOURNEY_TIMEOUT_MS,
} from '../support/browser';
import { draftId } from '../support/applications';
import { secretariatOf } from '../support/evaluation-fixtures';
import {
  type Actor,
  type Applicant,
  createApplicant,
  createCall,
  registrationCall,
  SPEAKER_LEVEL_QUESTION,
} from '../support/fixtures';

/**
 * A registration call in the browser (issue 19): the secretariat builds a request for speaking time
 * with two sessions in the builder and opens it; a replier picks its sessions in order and submits;
 * the secretariat confirms the reply with a reason, closes the call, computes the allocation on the
 * Sessions page and confirms it; the public programme names the speaker under its session, in
 * Geneva time. Then a request for speaking time seeded through the API, ministers before deputies
 * with at most one speaker per country in a session and more replies than the board's page: the
 * secretariat corrects an organisation's membership category with a reason (its reply is then no
 * addressee's), reads the board in the rule's order with the reasons of those left out, pages it,
 * amends it (a seat given up, a move refused for the country's limit and for a full session, a seat
 * given on page 2) and confirms it. Each page and dialog checked by axe-core and photographed.
 */

const SUITE = 'registration-calls';
const LANGUAGES = journeyLanguages('en');
const SPEAKER = 'Dakar Digital Ministry';
/** Replies on a page of the allocation board (the Sessions page's PAGE_SIZE). */
const BOARD_PAGE = 50;

/** The replies to the priority call that the story names, in order of receipt. */
const NAMED_REPLIES = [
  { name: 'Kenya Deputy Ministry of ICT', country: 'KE', level: 'deputy_minister', sessions: ['hlps_1'] },
  { name: 'Brasília Ministry of Communications', country: 'BR', level: 'minister', sessions: ['hlps_2', 'hlps_1'] },
  { name: 'Kenya Ministry of ICT', country: 'KE', level: 'minister', sessions: ['hlps_1'] },
  { name: 'Kenya ICT Authority', country: 'KE', level: 'minister', sessions: ['hlps_1', 'hlps_2'] },
  { name: 'Paris Deputy Ministry', country: 'FR', level: 'deputy_minister', sessions: ['hlps_1'] },
] as const;
/** Delegations without a minister's or deputy's rank, enough for the board to need a second page. */
const OTHER_REPLIES = BOARD_PAGE + 1 - NAMED_REPLIES.length + 2;
const OTHER_COUNTRIES = ['IN', 'JP', 'DE', 'MX', 'EG', 'AR'];

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

  /** A government's draft reply naming its speaker's level and its sessions, submitted unless told. */
  async function seedReply(
    callId: string,
    reply: { name: string; country: string; level: string; sessions: readonly string[] },
    submit = true,
  ): Promise<{ applicant: Applicant; id: string }> {
    const applicant = await createApplicant(platform.api, reply.country, {
      name: reply.name,
      type: 'government',
      membershipCategory: 'member_state_administration',
    });
    const id = await draftId(platform.api, applicant.token, callId, { level: reply.level });
    const chosen = await platform.api.put(`/api/v1/applications/${id}/session-preferences`, {
      token: applicant.token,
      body: { sessionKeys: reply.sessions },
    });
    if (chosen.status !== 200) throw new Error(`preferences: ${chosen.status} ${JSON.stringify(chosen.body)}`);
    if (submit) await submitReply(applicant, id);
    return { applicant, id };
  }

  async function submitReply(applicant: Applicant, id: string): Promise<void> {
    const submitted = await platform.api.post(`/api/v1/applications/${id}/submit`, { token: applicant.token });
    if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
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

  it.each(LANGUAGES)(
    'is allocated by priority, paged, amended with reasons within its limits and confirmed (%s)',
    async (language: Language) => {
      const t = textsOf(language, 'secretariat');
      const sessions = [
        { key: 'hlps_1', title: 'Bridging the digital divide', startsAt: '2040-07-08T08:00:00Z', capacity: 2 },
        { key: 'hlps_2', title: 'Digital economy', startsAt: '2040-07-08T10:00:00Z', capacity: 1 },
      ];
      const [divide, economy] = sessions.map((session) => session.title) as [string, string];
      const call = await createCall(
        platform.api,
        secretariat.token,
        registrationCall({
          title: `High-level policy statements (${language})`,
          eligibility: { addresseeCategories: ['member_state_administration'] },
          questions: [SPEAKER_LEVEL_QUESTION],
          sessions,
          sessionAllocation: {
            rule: 'priority',
            questionKey: 'level',
            classes: ['minister', 'deputy_minister'],
            maxPerCountry: 1,
          },
        }),
      );
      const callId = call.id;
      // The named replies one after the other (their order of receipt is the story's), then the others.
      for (const reply of NAMED_REPLIES) await seedReply(callId, reply);
      const others = Array.from({ length: OTHER_REPLIES }, (_, i) => ({
        name: `Delegation ${String(i + 1).padStart(2, '0')}`,
        country: OTHER_COUNTRIES[i % OTHER_COUNTRIES.length]!,
        level: 'other',
        sessions: ['hlps_2'],
      }));
      for (let i = 0; i < others.length; i += 12) {
        await Promise.all(others.slice(i, i + 12).map((reply) => seedReply(callId, reply)));
      }
      // An operator that registered as a Member State administration: its reply is still a draft.
      const OPERATOR = `Accra Telecom Operator (${language})`;
      const operator = await seedReply(
        callId,
        { name: OPERATOR, country: 'GH', level: 'minister', sessions: ['hlps_1'] },
        false,
      );

      // The secretariat corrects the operator's membership category, with a reason.
      const staff = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await staff.goto(`/secretariat/calls/${callId}/applications/${operator.id}`);
      await expectTitle(staff, OPERATOR);
      await staff.getByText(text(language, 'membership.member_state_administration'), { exact: true }).waitFor();
      await activate(staff, staff.getByRole('button', { name: t('membership.changeNamed', { name: OPERATOR }) }));
      const recategorising = staff.getByRole('dialog', { name: t('membership.title', { name: OPERATOR }) });
      await recategorising
        .getByRole('combobox', { name: t('membership.category') })
        .selectOption({ label: text(language, 'membership.sector_member') });
      await recategorising
        .getByRole('textbox', { name: t('membership.reason') })
        .fill('A Sector Member of ITU-D, not the administration.');
      await checkPage(staff, SUITE, 'membership-dialog', language);
      await activate(staff, recategorising.getByRole('button', { name: t('membership.confirm'), exact: true }));
      await recategorising.waitFor({ state: 'hidden' });
      await staff.getByText(text(language, 'membership.sector_member'), { exact: true }).waitFor();
      // Submitted now, the operator's reply is no addressee's: not eligible, and left out of the board
      // (whose count below is of the other replies).
      await submitReply(operator.applicant, operator.id);
      await staff.reload();
      await staff.getByText(t('eligibility.reasons.NOT_AN_ADDRESSEE')).waitFor();
      await staff.getByText(t('eligibility.ineligible'), { exact: true }).first().waitFor();

      // Closed, the replies are allocated by the rule: ministers first, then deputies, then the others.
      const closed = await platform.api.post(`/api/v1/calls/${callId}/close`, { token: secretariat.token });
      expect(closed.status).toBe(200);
      await staff.goto(`/secretariat/calls/${callId}/sessions`);
      await expectTitle(staff, t('allocation.title'));
      await staff.getByText(t('allocation.rules.priority')).waitFor();
      await activate(staff, staff.getByRole('button', { name: t('allocation.compute.button') }));
      const board = staff.getByRole('region', { name: t('allocation.board') });
      const total = NAMED_REPLIES.length + OTHER_REPLIES;
      await board.getByText(t('allocation.replies', { count: total })).waitFor();
      const rows = board.locator('tbody tr');
      const cells = async (row: number) =>
        (await rows.nth(row).locator('th, td').allInnerTexts()).slice(0, 5).map((cell) => cell.replace(/\s+/g, ' '));
      const passed = (session: string, reason: string) =>
        t('allocation.passedOverItem', { session, reason: t(`allocation.passedOverReasons.${reason}`) });
      const preferred = t('allocation.preference', { rank: 1 });
      const countryLimit = t('allocation.reasons.COUNTRY_LIMIT');
      expect(await Promise.all([0, 1, 2, 3, 4, 5].map(cells))).toEqual([
        ['1', 'Brasília Ministry of Communications (BR)', economy, preferred, '—'],
        ['2', 'Kenya Ministry of ICT (KE)', divide, preferred, '—'],
        [
          '3',
          'Kenya ICT Authority (KE)',
          '—',
          countryLimit,
          `${passed(divide, 'COUNTRY_LIMIT')} ${passed(economy, 'SESSION_FULL')}`,
        ],
        ['4', 'Kenya Deputy Ministry of ICT (KE)', '—', countryLimit, passed(divide, 'COUNTRY_LIMIT')],
        ['5', 'Paris Deputy Ministry (FR)', divide, preferred, '—'],
        // The others in their order of receipt, which their simultaneous submissions leave open.
        [
          '6',
          expect.stringMatching(/^Delegation \d\d \([A-Z]{2}\)$/),
          '—',
          t('allocation.reasons.SESSIONS_FULL'),
          passed(economy, 'SESSION_FULL'),
        ],
      ]);
      expect(await rows.count()).toBe(BOARD_PAGE);
      const pages = Math.ceil(total / BOARD_PAGE);
      const pager = staff.getByRole('navigation', { name: t('allocation.pages') });
      await pager.getByText(text(language, 'pager.page', { page: 1, pages })).waitFor();
      // Photographed only: axe reads the board on its shorter second page, under a refusal.
      await screenshot(staff, SUITE, 'priority-allocation', language);

      // A deputy gives up its seat, with a reason: the rule's session is kept beside the amendment.
      const amend = async (name: string, session: string, reason: string) => {
        await activate(staff, board.getByRole('button', { name: t('allocation.amend.buttonNamed', { name }) }));
        const dialog = staff.getByRole('dialog', { name: t('allocation.amend.title', { name }) });
        await dialog.getByRole('combobox', { name: t('allocation.amend.session') }).selectOption({ label: session });
        await dialog.getByRole('textbox', { name: t('allocation.amend.reason') }).fill(reason);
        await activate(staff, dialog.getByRole('button', { name: t('allocation.amend.confirm'), exact: true }));
        return dialog;
      };
      const withdrawn = 'The deputy minister cannot travel to Geneva.';
      await (await amend('Paris Deputy Ministry', t('allocation.amend.none'), withdrawn)).waitFor({ state: 'hidden' });
      const paris = rows.filter({ hasText: 'Paris Deputy Ministry' });
      await paris.getByText(t('allocation.amended', { computed: divide, reason: withdrawn })).waitFor();
      await paris.getByText(t('allocation.byAmendment')).waitFor();
      const seats = staff.getByRole('region', { name: t('allocation.sessions') });
      expect(await seats.getByRole('row', { name: divide }).locator('td').allInnerTexts()).toEqual([
        expect.any(String),
        '2',
        '1',
      ]);

      // Moving the other Kenyan minister into the freed seat would seat two Kenyans there: refused, the
      // dialog stays open and says why; given up, the reply keeps what the rule gave it.
      const kenyan = await amend('Kenya ICT Authority', divide, 'The Authority speaks for Kenya.');
      await kenyan
        .getByRole('alert')
        .getByText(new RegExp(`KE.*${divide}`))
        .waitFor();
      await activate(staff, kenyan.getByRole('button', { name: text(language, 'dialog.cancel'), exact: true }));
      await kenyan.waitFor({ state: 'hidden' });
      await rows.filter({ hasText: 'Kenya ICT Authority' }).getByText(countryLimit).waitFor();

      // The board's second page: the replies after the first fifty.
      await activate(staff, pager.getByRole('link', { name: text(language, 'pager.next') }));
      await pager.getByText(text(language, 'pager.page', { page: 2, pages })).waitFor();
      expect(new URL(staff.url()).searchParams.get('offset')).toBe(String(BOARD_PAGE));
      await rows
        .first()
        .getByText(String(BOARD_PAGE + 1), { exact: true })
        .waitFor();
      expect(await rows.count()).toBe(total - BOARD_PAGE);
      // Its last reply into the full session is refused; opened again, the dialog has forgotten that
      // refusal, and the reply gets the freed seat instead.
      const last = await rows.last().getByRole('link').innerText();
      const full = await amend(last, economy, 'Invited to speak on the digital economy.');
      await full.getByRole('alert').getByText(economy, { exact: false }).waitFor();
      await checkPage(staff, SUITE, 'allocation-refused', language);
      await activate(staff, full.getByRole('button', { name: text(language, 'dialog.cancel'), exact: true }));
      await full.waitFor({ state: 'hidden' });
      await activate(staff, board.getByRole('button', { name: t('allocation.amend.buttonNamed', { name: last }) }));
      await full.getByRole('combobox', { name: t('allocation.amend.session') }).waitFor();
      expect(await full.getByRole('alert').count()).toBe(0);
      await activate(staff, full.getByRole('button', { name: text(language, 'dialog.cancel'), exact: true }));
      const invited = 'Invited to open the session on the Forum’s behalf.';
      await (await amend(last, divide, invited)).waitFor({ state: 'hidden' });
      await rows
        .filter({ hasText: last })
        .getByText(t('allocation.amended', { computed: '—', reason: invited }))
        .waitFor();
      expect(new URL(staff.url()).searchParams.get('offset')).toBe(String(BOARD_PAGE));

      // Confirmed, the allocation no longer changes: the amendments are kept, the actions are gone.
      await activate(staff, staff.getByRole('button', { name: t('allocation.confirm.button') }));
      const confirming = staff.getByRole('dialog', { name: t('allocation.confirm.title') });
      await confirming.getByText(t('allocation.confirm.explanation', { count: total })).waitFor();
      await activate(staff, confirming.getByRole('button', { name: t('allocation.confirm.confirm'), exact: true }));
      await staff.getByText(t('allocation.confirmedTitle')).waitFor();
      expect(await board.getByRole('button', { name: t('allocation.amend.button') }).count()).toBe(0);
      const confirmed = await platform.api.get(`/api/v1/calls/${callId}/session-allocation?limit=100`, {
        token: secretariat.token,
      });
      const seated = (confirmed.body.items as Array<{ organisationName: string; sessionKey: string | null }>)
        .filter((item) => item.sessionKey !== null)
        .map((item) => [item.organisationName, item.sessionKey]);
      expect(seated).toEqual([
        ['Brasília Ministry of Communications', 'hlps_2'],
        ['Kenya Ministry of ICT', 'hlps_1'],
        [last, 'hlps_1'],
      ]);
      await staff.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

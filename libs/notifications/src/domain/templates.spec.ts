import { LANGUAGES } from '@app/platform/languages';
import { MessageFormatElement, isArgumentElement, parse } from '@formatjs/icu-messageformat-parser';
import {
  LINK_TEMPLATES,
  NOTIFICATION_TEMPLATES,
  TEMPLATE_PARAMS,
  isLinkTemplate,
  notificationRequest,
} from './notification';
import {
  NOTIFICATION_LOCALES,
  notificationLocale,
  placeholdersOf,
  renderEmailText,
  renderNotification,
  templateCatalogue,
} from './templates';

const reference = templateCatalogue('en').templates;
const others = NOTIFICATION_LOCALES.filter((locale) => locale !== 'en');

const RECEIVED = {
  callReference: 'BDT/DIR/DM/013',
  callTitle: 'Accelerator centres 2026',
  organisationName: 'Nairobi Digital Hub',
  submittedAt: '2025-12-01T18:40:00.000Z',
};

describe('notification translation files', () => {
  it('cover the platform’s six languages', () => {
    expect([...NOTIFICATION_LOCALES].sort()).toEqual([...LANGUAGES].sort());
  });

  it('en.json has exactly the templates of the code, each using only its declared parameters', () => {
    expect(Object.keys(reference).sort()).toEqual([...NOTIFICATION_TEMPLATES].sort());
    for (const template of NOTIFICATION_TEMPLATES) {
      const declared = Object.keys(TEMPLATE_PARAMS[template]).sort();
      const used = placeholdersOf(`${reference[template].subject} ${reference[template].body}`);
      expect({ template, unknown: used.filter((name) => !declared.includes(name)) }).toEqual({ template, unknown: [] });
    }
  });

  it.each(others)('%s.json has exactly the keys of en.json', (locale) => {
    const templates: Record<string, object> = templateCatalogue(locale).templates;
    expect(Object.keys(templates).sort()).toEqual(Object.keys(reference).sort());
    for (const [template, text] of Object.entries(templates)) {
      const keys = isLinkTemplate(template) ? ['body', 'email', 'subject'] : ['body', 'subject'];
      expect({ template, keys: Object.keys(text).sort() }).toEqual({ template, keys });
    }
  });

  it.each(NOTIFICATION_LOCALES)(
    '%s.json writes numbers as {name, number} or in a plural, so that they are formatted in the language',
    (locale) => {
      const plainArguments = (elements: MessageFormatElement[]): string[] =>
        elements.flatMap((element) => (isArgumentElement(element) ? [element.value] : []));
      const { templates } = templateCatalogue(locale);
      for (const template of NOTIFICATION_TEMPLATES) {
        const kinds: Record<string, string> = TEMPLATE_PARAMS[template];
        const text = `${templates[template].subject} ${templates[template].body}`;
        const unformatted = plainArguments(parse(text, { ignoreTag: true })).filter((name) => kinds[name] === 'number');
        expect({ template, unformatted }).toEqual({ template, unformatted: [] });
      }
    },
  );

  it.each(others)('%s.json uses the placeholders of en.json in every subject and body', (locale) => {
    const { templates } = templateCatalogue(locale);
    for (const template of NOTIFICATION_TEMPLATES) {
      for (const part of ['subject', 'body'] as const) {
        expect({ template, part, placeholders: placeholdersOf(templates[template][part]) }).toEqual({
          template,
          part,
          placeholders: placeholdersOf(reference[template][part]),
        });
      }
    }
  });

  it.each([...NOTIFICATION_LOCALES])(
    '%s.json gives each account link template an e-mail text with the link, and never the link in-app',
    (locale) => {
      const { templates } = templateCatalogue(locale);
      for (const template of Object.keys(LINK_TEMPLATES) as Array<keyof typeof LINK_TEMPLATES>) {
        const { subject, body, email } = templates[template];
        const declared = [...Object.keys(TEMPLATE_PARAMS[template]), 'accountLinkUrl'];
        expect({ template, link: placeholdersOf(email ?? '').includes('accountLinkUrl') }).toEqual({
          template,
          link: true,
        });
        expect({ template, unknown: placeholdersOf(email ?? '').filter((p) => !declared.includes(p)) }).toEqual({
          template,
          unknown: [],
        });
        expect(placeholdersOf(`${subject} ${body}`)).not.toContain('accountLinkUrl');
        expect(placeholdersOf(email ?? '')).toEqual(
          placeholdersOf(templateCatalogue('en').templates[template].email ?? ''),
        );
      }
    },
  );

  it.each([...NOTIFICATION_LOCALES])('%s.json names a locale Intl supports', (locale) => {
    const { intlLocale } = templateCatalogue(locale);
    expect(Intl.DateTimeFormat.supportedLocalesOf([intlLocale])).toEqual([intlLocale]);
  });

  it('fr.json follows French typography: no-break spaces before : ; ? ! and inside « », curly apostrophes', () => {
    for (const [template, text] of Object.entries(templateCatalogue('fr').templates)) {
      for (const form of [text.subject, text.body]) {
        expect({ template, form, ok: !/(^|[^\u00a0\u202f])[:;?!]/u.test(form) }).toEqual({ template, form, ok: true });
        expect({ template, form, ok: !/«[^\u00a0]|[^\u00a0]»/u.test(form) }).toEqual({ template, form, ok: true });
        expect({ template, form, ok: !form.includes("'") }).toEqual({ template, form, ok: true });
      }
    }
  });
});

describe('renderEmailText', () => {
  const reset = { linkId: '0b5c8f4e-8a43-4c1e-9d8e-1f2a3b4c5d6e', expiresAt: '2026-01-05T09:30:00.000Z' };

  it('writes the link only into the e-mail of an account link template', () => {
    const url = 'https://selection.example.org/reset-password#token=abc';
    const text = renderEmailText('account.password_reset', 'fr', reset, { accountLinkUrl: url });
    expect(text).toContain(`veuillez ouvrir le lien suivant\u00a0:\n${url}\n`);
    expect(text).toContain('jusqu’au 5 janvier 2026');
    expect(renderNotification('account.password_reset', 'fr', reset).body).not.toContain(url);
  });

  it('refuses to write an account link e-mail without its link, and writes other e-mails as their body', () => {
    expect(() => renderEmailText('account.password_reset', 'en', reset, {})).toThrow(/needs its link/);
    expect(renderEmailText('application.received', 'en', RECEIVED, {})).toBe(
      renderNotification('application.received', 'en', RECEIVED).body,
    );
  });
});

describe('renderNotification', () => {
  it('writes the English text with the date in UTC', () => {
    const text = renderNotification('application.received', 'en', RECEIVED);
    expect(text.subject).toBe('Application received – BDT/DIR/DM/013');
    expect(text.body).toContain(
      'on behalf of Nairobi Digital Hub in response to call BDT/DIR/DM/013, “Accelerator centres 2026”, on 1 December 2025 at 18:40 UTC.',
    );
    expect(text.body).not.toMatch(/[{}]/);
  });

  it('writes the French text with French dates and numbers', () => {
    const received = renderNotification('application.received', 'fr', RECEIVED);
    expect(received.subject).toBe('Accusé de réception de votre candidature – BDT/DIR/DM/013');
    expect(received.body).toContain('«\u00a0Accelerator centres 2026\u00a0», le 1 décembre 2025 à 18:40 UTC.');

    const assigned = renderNotification('assignment.created', 'fr', { ...RECEIVED, count: 1200 });
    expect(assigned.body).toContain('attribuées\u00a0: 1\u202f200.');
  });

  it('renders every template in every language without a leftover placeholder', () => {
    const params = {
      ...RECEIVED,
      count: 3,
      publicUrl: 'https://accelerators.example.org/cohorts/1',
      linkId: '0b5c8f4e-8a43-4c1e-9d8e-1f2a3b4c5d6e',
      inviterName: 'Aminata Diallo',
      expiresAt: '2026-01-05T09:30:00.000Z',
      closesAt: '2026-03-31T16:00:00.000Z',
      reason: 'The scores contradict the comments.',
      authorName: 'Aminata Diallo',
      discussionUrl: 'https://accelerators.example.org/evaluator/assignments/1#discussion',
      message: 'The panel meets on Monday.',
      dueAt: '2026-04-30T16:00:00.000Z',
      question: 'How many start-ups did you support last year?',
      replyBy: '2026-02-15T12:00:00.000Z',
      respondBy: '2026-03-01T23:59:59.999Z',
      cohortUrl: 'https://accelerators.example.org/secretariat/calls/1/cohorts/2',
      agreementUrl: 'https://accelerators.example.org/applicant/applications/1',
      issuedAt: '2026-02-02T10:00:00.000Z',
      evaluatorNumber: 2,
      sessionTitle: 'Bridging the digital divide',
      sessionTime: 'Tuesday 7 July 2026 at 10:00',
      programme: '- Bridging the digital divide, Tuesday 7 July 2026 at 10:00: ICT Authority (KE)',
      programmeUrl: 'https://platform.example/calls/1/programme',
    };
    for (const locale of NOTIFICATION_LOCALES) {
      for (const template of NOTIFICATION_TEMPLATES) {
        const { subject, body } = renderNotification(template, locale, params);
        expect({ locale, template, leftover: /[{}]/.test(subject + body) }).toEqual({
          locale,
          template,
          leftover: false,
        });
      }
    }
  });

  it('words a count with the plural rules of each language (ICU plural, # the formatted number)', () => {
    const reassigned = (locale: 'en' | 'fr', count: number) =>
      renderNotification('assignment.reassigned', locale, {
        callReference: 'BDT/DIR/DM/013',
        callTitle: 'Accelerator centres 2026',
        count,
        reason: 'On leave until June.',
      });
    expect(reassigned('en', 1).subject).toBe('An application assigned to you has been reassigned – BDT/DIR/DM/013');
    expect(reassigned('en', 1).body).toContain(
      '1 application to call BDT/DIR/DM/013, “Accelerator centres 2026”, that was',
    );
    expect(reassigned('en', 1).body).toContain('reason:\n\nOn leave until June.\n\nYou no longer need to evaluate it;');
    expect(reassigned('en', 2).subject).toMatch(/^Applications assigned to you have been reassigned/);
    expect(reassigned('en', 2).body).toContain('2 applications to call');
    expect(reassigned('en', 2).body).toContain('evaluate them;');
    expect(reassigned('fr', 1).body).toContain(
      '1 candidature à l’appel BDT/DIR/DM/013, «\u00a0Accelerator centres 2026\u00a0», qui vous avait été attribuée',
    );
    expect(reassigned('fr', 1200).body).toContain('1\u202f200 candidatures à l’appel');
    expect(reassigned('fr', 1200).body).toContain('plus à les évaluer');
    expect(placeholdersOf('{n, plural, one {# in {place}} other {#}} {x}')).toEqual(['n', 'place', 'x']);
  });

  it('refuses a missing or malformed parameter rather than send a text with a hole', () => {
    const { submittedAt: _omitted, ...withoutDate } = RECEIVED;
    expect(() => renderNotification('application.received', 'en', withoutDate)).toThrow(/submittedAt/);
    expect(() => renderNotification('application.received', 'en', { ...RECEIVED, submittedAt: 'soon' })).toThrow(
      /ISO 8601/,
    );
    const base = { callReference: 'X', callTitle: 'Y' };
    expect(() => renderNotification('assignment.created', 'en', { ...base, count: '3' })).toThrow(/number/);
  });

  it('falls back to English for a language without a catalogue', () => {
    expect(notificationLocale('fr')).toBe('fr');
    expect(notificationLocale('es')).toBe('es');
    expect(notificationLocale('de')).toBe('en');
    expect(notificationLocale(null)).toBe('en');
  });

  it('builds requests whose parameters match the template', () => {
    const request = notificationRequest('user-1', 'assignment.created', {
      callReference: 'R',
      callTitle: 'T',
      count: 2,
    });
    expect(request).toEqual({
      recipientId: 'user-1',
      template: 'assignment.created',
      params: { callReference: 'R', callTitle: 'T', count: 2 },
    });
  });
});

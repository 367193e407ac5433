import fc from 'fast-check';
import { notificationRequest } from './notification';
import { previewNotifications, templateParamErrors } from './previews';
import { renderNotification } from './templates';

const REMINDER = {
  callReference: 'BDT/DIR/DM/013',
  callTitle: 'Accelerator centres 2026',
  organisationName: 'Nairobi Digital Hub',
  closesAt: '2026-03-31T16:00:00.000Z',
};

const reminder = (recipientId: string, organisationName = REMINDER.organisationName) =>
  notificationRequest(recipientId, 'application.reminder', { ...REMINDER, organisationName });

describe('previewNotifications', () => {
  it('renders each template once per language its recipients read, with how many read it', () => {
    const locales = new Map([
      ['a', 'fr'],
      ['b', 'en'],
      ['c', 'fr'],
    ]);
    const previews = previewNotifications([reminder('a', 'Centre de Dakar'), reminder('b'), reminder('c')], locales);
    expect(previews.map(({ locale, recipients }) => ({ locale, recipients }))).toEqual([
      { locale: 'en', recipients: 1 },
      { locale: 'fr', recipients: 2 },
    ]);
    // The first request of a language is its example: what that recipient will receive, word for word.
    const french = renderNotification('application.reminder', 'fr', {
      ...REMINDER,
      organisationName: 'Centre de Dakar',
    });
    expect(previews[1]).toEqual({ template: 'application.reminder', locale: 'fr', recipients: 2, ...french });
    expect(previews[1].body).toContain('31 mars 2026');
  });

  it('reads a recipient without a catalogue of its language in English, and keeps templates in their order', () => {
    const previews = previewNotifications(
      [
        {
          recipientId: 'a',
          template: 'cohort.selected',
          params: { ...REMINDER, publicUrl: 'https://x.org/c', respondBy: '2026-04-14T10:00:00.000Z' },
        },
        { recipientId: 'b', template: 'cohort.not_selected', params: { ...REMINDER, publicUrl: 'https://x.org/c' } },
      ],
      new Map([
        ['a', 'de'],
        ['b', 'fr'],
      ]),
    );
    expect(previews.map((p) => [p.template, p.locale])).toEqual([
      ['cohort.selected', 'en'],
      ['cohort.not_selected', 'fr'],
    ]);
  });

  it('counts every request exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uuid(), fc.constantFrom('en', 'fr', 'ar'))), (recipients) => {
        const previews = previewNotifications(
          recipients.map(([id]) => reminder(id)),
          new Map(recipients),
        );
        expect(previews.reduce((sum, p) => sum + p.recipients, 0)).toBe(recipients.length);
        expect(new Set(previews.map((p) => p.locale)).size).toBe(previews.length);
      }),
    );
  });
});

describe('templateParamErrors', () => {
  it('accepts the declared parameters of their kinds', () => {
    expect(templateParamErrors('application.reminder', REMINDER)).toEqual([]);
    expect(templateParamErrors('assignment.created', { callReference: 'R', callTitle: 'T', count: 3 })).toEqual([]);
  });

  it('names each missing, mistyped or undeclared parameter', () => {
    const errors = templateParamErrors('application.reminder', {
      callReference: '',
      callTitle: 7,
      closesAt: 'next Tuesday',
      colour: 'blue',
    });
    expect(errors.map((e) => e.field)).toEqual([
      'params.callReference',
      'params.callTitle',
      'params.organisationName',
      'params.closesAt',
      'params.colour',
    ]);
    expect(templateParamErrors('assignment.created', { callReference: 'R', callTitle: 'T', count: '3' })).toEqual([
      { field: 'params.count', message: 'count must be a number' },
    ]);
  });
});

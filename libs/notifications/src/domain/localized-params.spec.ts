import { paramsIn, textIn } from './notification';
import { renderEmailText, renderNotification } from './templates';

const RECEIVED = {
  callReference: 'BDT/DIR/DM/013',
  callTitle: { en: 'Accelerator centres 2026', fr: 'Centres d’accélération 2026', es: '' },
  organisationName: 'Nairobi Digital Hub',
  submittedAt: '2025-12-01T18:40:00.000Z',
};

describe('a parameter given in several languages', () => {
  it('is said in the recipient’s language, English where it has none or an empty one', () => {
    expect(textIn(RECEIVED.callTitle, 'fr')).toBe('Centres d’accélération 2026');
    expect(textIn(RECEIVED.callTitle, 'ar')).toBe('Accelerator centres 2026');
    expect(textIn(RECEIVED.callTitle, 'es')).toBe('Accelerator centres 2026');
    expect(textIn('Accelerator centres 2026', 'fr')).toBe('Accelerator centres 2026');
    expect(textIn(3, 'zh')).toBe(3);
  });

  it('is stored resolved, so the e-mail rendered later from the stored parameters says the same', () => {
    const stored = paramsIn(RECEIVED, 'fr');
    expect(stored).toEqual({ ...RECEIVED, callTitle: 'Centres d’accélération 2026' });
    const rendered = renderNotification('application.received', 'fr', RECEIVED);
    expect(rendered.body).toContain('«\u00a0Centres d’accélération 2026\u00a0»');
    expect(renderEmailText('application.received', 'fr', stored, {})).toBe(rendered.body);
  });

  it('leaves a plain string as it was (notifications recorded before titles were translated)', () => {
    const old = { ...RECEIVED, callTitle: 'Accelerator centres 2026' };
    expect(renderEmailText('application.received', 'ru', old, {})).toContain('Accelerator centres 2026');
    expect(renderNotification('application.received', 'ar', RECEIVED).body).toContain('«Accelerator centres 2026»');
  });
});

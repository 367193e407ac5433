import { defaultCircularSettings } from '@app/calls';
import { directionOf } from '@app/platform/languages';
import { extractPdfText } from '../annex/testing/pdf-text';
import { SEED_CENTRES, seedAnnex } from '../annex/testing/annex-fixtures';
import { renderCircularHtml } from './circular-html';
import { callAnnouncement, paragraphsOf, resultsCircular } from './circular-model';
import { renderCircularPdf } from './circular-pdf';

const call = {
  title: 'Call for accelerator centres',
  description: 'The Alliance supports centres.\n\nIt meets yearly.',
};
const settings = {
  ...defaultCircularSettings({ reference: 'IEA-2026' }),
  reference: 'BDT/DIR/DM/013',
  addressees: ['academia' as const, 'regulators' as const],
  signatory: { name: 'Cosmas Luckyson Zavazava', title: { en: 'Director', fr: 'Directeur' } },
  results: {
    subject: { en: 'Results: {call}', fr: 'Résultats : {call}' },
    body: {
      en: 'We received {applications} applications\nfrom {countries} countries.\n\n{selected} were selected.',
      fr: 'Nous avons reçu {applications} candidatures de {countries} pays.\n\n{selected} ont été retenus.',
    },
  },
};

const DATES = { opensAt: new Date('2026-03-01T00:00:00Z'), closesAt: new Date('2026-04-30T23:59:00Z') };
const URL = 'https://example.org/calls/1';

describe('the circular model', () => {
  it('splits a body into paragraphs at blank lines, joining the lines of one', () => {
    expect(paragraphsOf('One\ntwo.\n\n\nThree.\r\n\r\nFour  five.')).toEqual(['One two.', 'Three.', 'Four five.']);
  });

  it('fills the results letter with the published figures, formatted for the language', () => {
    const content = { ...seedAnnex('fr'), process: { ...seedAnnex('fr').process, applicationsReceived: 1234 } };
    const circular = resultsCircular(settings, content, call, 'fr');
    expect(circular.subject).toBe('Résultats : Call for accelerator centres');
    expect(circular.paragraphs).toEqual([
      'Nous avons reçu 1\u202f234 candidatures de 35 pays.',
      `${SEED_CENTRES.length} ont été retenus.`,
    ]);
    expect(circular.date).toBe(content.publishedAt);
    expect(circular.place).toBe('Genève');
    expect(circular.about).toEqual(['The Alliance supports centres.', 'It meets yearly.']);
  });

  it('takes Annex I from the settings when written, else from the call’s description', () => {
    const about = { en: 'About the Alliance.', fr: 'À propos de l’Alliance.' };
    expect(resultsCircular({ ...settings, about }, seedAnnex('en'), call, 'en').about).toEqual(['About the Alliance.']);
  });

  it('dates the announcement at the opening and names the deadline', () => {
    const dates = { opensAt: new Date('2026-03-01T00:00:00Z'), closesAt: new Date('2026-04-30T23:59:00Z') };
    const announcement = callAnnouncement(settings, { ...call, ...dates }, 'https://example.org/calls/1', 'en');
    // 23:59 UTC is already the next day in Geneva (summer time, UTC+2), where the letter is sent from.
    expect(announcement.paragraphs[0]).toContain('1 May 2026 at 01:59 (Geneva time)');
    expect(announcement.announcement).toEqual({
      deadline: '2026-04-30T23:59:00.000Z',
      applyUrl: 'https://example.org/calls/1',
      kind: 'selection',
      contact: null,
    });
    expect(announcement.results).toBeUndefined();
  });

  it('carries a registration call’s kind and the contact into its announcement', () => {
    const registration = defaultCircularSettings({ reference: 'CL-26/01', kind: 'registration' });
    const contact = { name: 'BDT Secretariat', email: 'bdt@itu.int' };
    const announcement = callAnnouncement(
      { ...registration, contact },
      { ...call, ...DATES, kind: 'registration' },
      'https://example.org/calls/2',
      'en',
    );
    expect(announcement.subject).toBe('Invitation: Call for accelerator centres');
    expect(announcement.paragraphs).toEqual([
      'I have the honour to invite you to Call for accelerator centres, described in Annex I. Please reply on the platform by 1 May 2026 at 01:59 (Geneva time).',
    ]);
    expect(announcement.announcement).toMatchObject({ kind: 'registration', contact });
  });
});

describe('the announcement as PDF and HTML', () => {
  const contact = { name: 'Ms A. Secretary', email: 'a.secretary@itu.int', phone: '+41 22 730 5111' };
  const registration = {
    ...defaultCircularSettings({
      reference: 'CL-26/01',
      kind: 'registration',
      eligibility: { addresseeCategories: ['member_state_administration', 'associate'] },
    }),
    contact,
  };
  const reply = callAnnouncement(registration, { ...call, ...DATES, kind: 'registration' }, URL, 'en');
  const apply = callAnnouncement(settings, { ...call, ...DATES }, URL, 'en');

  it('asks a registration call’s addressees to reply by the deadline, and names the contact', async () => {
    const { text } = await extractPdfText(await renderCircularPdf(reply));
    for (const expected of [
      'Ref.: CL-26/01',
      'Administrations of ITU Member States',
      'ITU-D Associates',
      'Subject: Invitation: Call for accelerator centres',
      'Deadline for replies: 1 May 2026 at 01:59 (Geneva time)',
      `Reply on the platform: ${URL}`,
      'Contact: Ms A. Secretary, a.secretary@itu.int, +41 22 730 5111',
    ])
      expect(text).toContain(expected);
    for (const unexpected of ['Apply at:', 'Deadline for applications', 'ITU-D Sector Members'])
      expect(text).not.toContain(unexpected);

    const html = renderCircularHtml(reply);
    expect(html).toContain('<p>Deadline for replies: 1 May 2026 at 01:59 (Geneva time)</p>');
    expect(html).toContain(`<p>Reply on the platform: <a href="${URL}">${URL}</a></p>`);
    expect(html).toContain(
      '<p>Contact: Ms A. Secretary, <a href="mailto:a.secretary@itu.int">a.secretary@itu.int</a>, +41 22 730 5111</p>',
    );
    expect(html).toContain('<li>ITU-D Associates</li>');
  });

  it('prints the contact without a phone, and in each language', async () => {
    const noPhone = callAnnouncement(
      { ...registration, contact: { name: 'BDT', email: 'bdt@itu.int' } },
      { ...call, ...DATES, kind: 'registration' },
      URL,
      'fr',
    );
    const { text } = await extractPdfText(await renderCircularPdf(noPhone));
    // pdfjs reads the narrow no-break space before the colon as a space.
    expect(text).toMatch(/Contact\s: BDT, bdt@itu\.int/);
    expect(text).toContain('Réponse sur la plateforme');
    expect(text).toContain('Associés de l’UIT-D');
    expect(renderCircularHtml(noPhone)).toContain(
      '<p>Contact\u202f: BDT, <a href="mailto:bdt@itu.int">bdt@itu.int</a></p>',
    );
  });

  it('escapes the contact as the secretariat wrote it', () => {
    const hostile = { name: '<b>Bold</b>', email: 'x@itu.int', phone: '"1" & 2' };
    const html = renderCircularHtml({ ...apply, announcement: { ...apply.announcement!, contact: hostile } });
    expect(html).toContain(
      '<p>Contact: &lt;b&gt;Bold&lt;/b&gt;, <a href="mailto:x@itu.int">x@itu.int</a>, &quot;1&quot; &amp; 2</p>',
    );
  });

  it('leaves a selection call’s announcement without a contact as it was: apply wording, no contact line', async () => {
    const { text } = await extractPdfText(await renderCircularPdf(apply));
    expect(text).toContain('Deadline for applications: 1 May 2026 at 01:59 (Geneva time)');
    expect(text).toContain(`Apply at: ${URL}`);
    expect(text).not.toContain('Contact:');
    expect(text).not.toContain('Reply on the platform');
    const html = renderCircularHtml(apply);
    expect(html).toContain(`<p>Apply at: <a href="${URL}">${URL}</a></p>`);
    expect(html).not.toContain('Contact:');
  });

  it('writes the reply and contact lines in each of the six languages, the Arabic page right to left', async () => {
    const replyLabel = {
      ar: 'الرد عبر المنصة',
      zh: '请在平台上答复',
      en: 'Reply on the platform',
      fr: 'Réponse sur la plateforme',
      ru: 'Ответ через платформу',
      es: 'Respuesta en la plataforma',
    };
    for (const locale of ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const) {
      const letter = callAnnouncement(registration, { ...call, ...DATES, kind: 'registration' }, URL, locale);
      const html = renderCircularHtml(letter);
      expect(html).toContain(replyLabel[locale]);
      expect(html).toContain('<a href="mailto:a.secretary@itu.int">a.secretary@itu.int</a>');
      expect(html.includes(' dir="rtl"')).toBe(locale === 'ar');
      const { text } = await extractPdfText(await renderCircularPdf(letter), directionOf(locale));
      for (const expected of [replyLabel[locale], 'a.secretary@itu.int', '+41 22 730 5111'])
        expect(text).toContain(expected);
    }
  });
});

describe('the results circular as PDF and HTML', () => {
  const circular = resultsCircular(settings, seedAnnex('en'), call, 'en');

  it('prints the letter, then Annexes I to III with every centre', async () => {
    const { text } = await extractPdfText(await renderCircularPdf(circular));
    for (const expected of [
      'Ref.: BDT/DIR/DM/013',
      'Geneva, 18 November 2024',
      'ITU Academia',
      'National regulatory authorities',
      'We received 44 applications from 35 countries.',
      'Cosmas Luckyson Zavazava',
      'Annex I – About the programme',
      'Annex II – Evaluation process',
      'Annex III – Selected centres',
      'they are listed by region in Annex III',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('United Nations agencies');
  });

  it('describes the stages in Annex II, as the annex does, in a call of several stages', async () => {
    const content = seedAnnex('en');
    const stages = {
      names: ['Written assessment', 'Panel interview'],
      later: [{ position: 2, name: 'Panel interview', criteria: [{ code: 'PITCH', title: 'Pitch', weight: 2 }] }],
      finalRanking: { rule: 'last-stage' as const },
    };
    const staged = resultsCircular(settings, { ...content, process: { ...content.process, stages } }, call, 'en');
    const { text } = await extractPdfText(await renderCircularPdf(staged));
    expect(text).toContain('The evaluation ran in 2 stages: Written assessment; Panel interview.');
    expect(renderCircularHtml(staged)).toContain('Stage 2 (Panel interview) was scored against its own criteria');
  });

  it('gives the same bytes for the same document', async () => {
    expect((await renderCircularPdf(circular)).equals(await renderCircularPdf(circular))).toBe(true);
  });

  it('is an HTML page with its language, one h1, a heading per annex, and data tables with scopes', () => {
    const html = renderCircularHtml(resultsCircular(settings, seedAnnex('fr'), call, 'fr'));
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html.search(/<h[1-6]/)).toBe(html.indexOf('<h1>'));
    expect(html.match(/<h2>Annexe (I|II|III) – /g)).toHaveLength(3);
    expect(html).not.toMatch(/<td[^>]*>\s*<table/);
    const headerCells = html.match(/<th [^>]*>/g) ?? [];
    expect(headerCells.length).toBeGreaterThan(0);
    expect(headerCells.every((th) => /scope="(col|row)"/.test(th))).toBe(true);
    // Each row is headed by one cell: the criterion's code, the centre's name.
    const bodyRows = html.match(/<tbody>.*?<\/tbody>/g)?.flatMap((body) => body.match(/<tr>.*?<\/tr>/g) ?? []) ?? [];
    expect(bodyRows.every((row) => row.match(/<th scope="row"/g)?.length === 1)).toBe(true);
    expect(html).toContain('<th scope="row">Abidjan Digital Innovation Hub</th>');
    for (const centre of SEED_CENTRES) expect(html).toContain(centre.name.replace(/&/g, '&amp;'));
  });

  it('escapes what the secretariat and the applicants wrote', () => {
    const hostile = { ...call, title: '<script>alert(1)</script>' };
    const html = renderCircularHtml(resultsCircular(settings, seedAnnex('en'), hostile, 'en'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

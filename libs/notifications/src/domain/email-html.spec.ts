import { emailHtml } from './email-html';

describe('emailHtml', () => {
  it('marks an Arabic e-mail right to left and in Arabic, paragraphs and lines as written', () => {
    const html = emailHtml({ subject: 'استلام الطلب', text: 'حضرات السادة،\n\nسطر أول\nسطر ثانٍ\n', language: 'ar' });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<body dir="rtl"');
    expect(html).toContain('<title>استلام الطلب</title>');
    expect(html).toContain('<p>حضرات السادة،</p>\n<p>سطر أول<br>\nسطر ثانٍ</p>');
  });

  it('marks the other languages left to right', () => {
    for (const language of ['zh', 'en', 'fr', 'ru', 'es'] as const) {
      expect(emailHtml({ subject: 's', text: 't', language })).toContain(`<html lang="${language}" dir="ltr">`);
    }
  });

  it('escapes the text, so that a name with markup stays text, and links web addresses', () => {
    const html = emailHtml({
      subject: 'A & <b>',
      text: 'Hub <script>alert("x")</script> & co.\nOpen https://example.org/a?b=1&c=2.',
      language: 'en',
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('Hub &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co.');
    expect(html).toContain('<title>A &amp; &lt;b&gt;</title>');
    expect(html).toContain(
      'Open <a href="https://example.org/a?b=1&amp;c=2" dir="ltr">https://example.org/a?b=1&amp;c=2</a>.',
    );
  });
});

import { emailDomain } from '@app/platform/email/email-domain';

/**
 * The rules of an organisation's team: who may leave, and which e-mail domains stand for the
 * organisation when conflicts of interest are looked for.
 */

/**
 * Public mail providers: their addresses belong to unrelated people, so a member's address there
 * says nothing of the organisation it works for.
 */
export const PUBLIC_MAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.fr',
  'live.com',
  'live.fr',
  'msn.com',
  'yahoo.com',
  'yahoo.fr',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  'mail.com',
  'mail.ru',
  'yandex.ru',
  'yandex.com',
  'qq.com',
  '163.com',
  '126.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'laposte.net',
  'sfr.fr',
  'zoho.com',
  'fastmail.com',
  'tutanota.com',
  'rediffmail.com',
];

/** The shared domains of a setting (comma-separated) added to the public providers. */
export function sharedDomains(setting: string | undefined): ReadonlySet<string> {
  const extra = (setting ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d.length > 0);
  return new Set([...PUBLIC_MAIL_DOMAINS, ...extra]);
}

/**
 * The domains that stand for an organisation: its members' addresses' domains, each once, in order,
 * without the shared ones.
 */
export function organisationalDomains(memberEmails: readonly string[], shared: ReadonlySet<string>): string[] {
  const domains = memberEmails.map(emailDomain).filter((d) => d.length > 0 && !shared.has(d));
  return [...new Set(domains)].sort();
}

/** A member may leave its organisation unless it is the last one: an organisation never has nobody. */
export function mayLeave(memberCount: number): boolean {
  return memberCount > 1;
}

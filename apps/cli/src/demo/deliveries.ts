import { ApiClient } from './api-client';
import { MailCatcher } from './mail-catcher';
import { Progress } from './progress';
import { until } from './wait';

interface Notification {
  template: string;
  locale: string;
  email: { status: 'pending' | 'sent' | 'failed' | 'not_sent' };
}

export interface EmailReport {
  /** Where the worker sent them: the demo's catcher or the SMTP_URL given. */
  via: string;
  /** Notifications by template, then by language. */
  byTemplate: Map<string, Map<string, number>>;
  byStatus: Map<string, number>;
  total: number;
  /** Messages the catcher received, and the folder they were written to (catcher only). */
  caught?: { count: number; byLanguage: Map<string, number>; dir: string };
}

const TIMEOUT_MS = 90_000;

/**
 * Waits until the worker has dealt with every notification's e-mail (sent, or failed after its
 * retries), as the staff list of notifications reports it, then tallies them. Every e-mail is
 * also an in-app notification, so the API knows what went out whatever the SMTP server.
 */
export async function awaitDeliveries(
  api: ApiClient,
  secretariat: string,
  catcher: MailCatcher | undefined,
  mailDir: string,
  via: string,
): Promise<EmailReport> {
  const progress = new Progress('E-mails', 1);
  await until(
    'the worker to deliver every e-mail',
    async () => ({
      pending: await countNotifications(api, secretariat, '&emailStatus=pending'),
      all: await countNotifications(api, secretariat, ''),
    }),
    (counts) => counts.pending === 0,
    {
      timeoutMs: TIMEOUT_MS,
      intervalMs: 300,
      onProbe: ({ pending, all }) => progress.report(all - pending, `${pending} e-mail(s) still to send`, all),
    },
  );
  progress.finish('every e-mail dealt with');
  const notifications = await allNotifications(api, secretariat);
  const report = tally(notifications, via);
  if (catcher) {
    await catcher.writeAll(mailDir);
    report.caught = {
      count: catcher.caught.length,
      byLanguage: countBy(catcher.caught, (m) => m.language),
      dir: mailDir,
    };
  }
  return report;
}

async function countNotifications(api: ApiClient, secretariat: string, filter: string): Promise<number> {
  const page = await api.request<{ total: number }>('GET', `/notifications?limit=1${filter}`, { token: secretariat });
  return page.total;
}

async function allNotifications(api: ApiClient, secretariat: string): Promise<Notification[]> {
  const items: Notification[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await api.request<{ items: Notification[]; total: number }>(
      'GET',
      `/notifications?limit=500&offset=${offset}`,
      { token: secretariat },
    );
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

function tally(notifications: Notification[], via: string): EmailReport {
  const byTemplate = new Map<string, Map<string, number>>();
  for (const n of notifications) {
    const languages = byTemplate.get(n.template) ?? new Map<string, number>();
    languages.set(n.locale, (languages.get(n.locale) ?? 0) + 1);
    byTemplate.set(n.template, languages);
  }
  return { via, byTemplate, byStatus: countBy(notifications, (n) => n.email.status), total: notifications.length };
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

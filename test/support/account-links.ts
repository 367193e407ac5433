import type { INestApplicationContext } from '@nestjs/common';
import { AccountLinkSigner } from '@app/platform';
import { sql } from './applications';
import { closeInTurn, eventually, withEnv } from './async';
import { RELAYS_NOTIFICATIONS, takeNotificationsTurn } from './notifications';
import { RedisServer } from './redis-server';
import { ReceivedEmail, SmtpTestServer } from './smtp-server';
import { TestApi } from './test-app';
import { startWorker } from './worker';

/** Helpers of the suites that follow account links (invitations, password resets) through their e-mails. */

/** The API, a worker relaying notifications to an SMTP server of the suite's own, and their Redis. */
export interface LinkWorld {
  api: TestApi;
  smtp: SmtpTestServer;
  close(): Promise<void>;
}

/** Holds the notifications suites' turn (see takeNotificationsTurn) until `close`. */
export async function startLinkWorld(apiEnv: Record<string, string> = {}): Promise<LinkWorld> {
  const releaseTurn = await takeNotificationsTurn();
  const [redis, smtp] = await Promise.all([RedisServer.start(), SmtpTestServer.start()]);
  const api = await withEnv({ REDIS_URL: redis.url, ...apiEnv }, () => TestApi.start());
  let worker: INestApplicationContext | undefined;
  try {
    worker = await startWorker({
      REDIS_URL: redis.url,
      ...RELAYS_NOTIFICATIONS,
      OUTBOX_POLL_MS: '50',
      SMTP_URL: smtp.url,
    });
  } catch (error) {
    await Promise.all([api.close(), smtp.close(), redis.stop()]);
    await releaseTurn();
    throw error;
  }
  return {
    api,
    smtp,
    close: () =>
      closeInTurn([
        ['the worker', async () => worker?.close()],
        ['the API', () => api.close()],
        ['the SMTP server', () => smtp.close()],
        ['Redis', () => redis.stop()],
        ['the notifications turn', releaseTurn],
      ]),
  };
}

/** The `count`-th e-mail (1-based) received for an address, once it has arrived. */
export async function nthEmailTo(smtp: SmtpTestServer, address: string, count = 1): Promise<ReceivedEmail> {
  const emails = await eventually(
    async () => smtp.to(address),
    (received) => received.length >= count,
  );
  if (emails.length < count) throw new Error(`no e-mail #${count} for ${address}`);
  return emails[count - 1];
}

const LINK = /(https?:\/\/\S+?)\/([a-z-]+)#token=([A-Za-z0-9_-]+)/;

/** The link an e-mail carries: its page and token. */
export function linkIn(email: ReceivedEmail): { page: string; token: string; url: string } {
  const match = LINK.exec(email.text);
  if (!match) throw new Error(`no account link in the e-mail: ${email.text}`);
  return { page: match[2], token: match[3], url: match[0] };
}

/** What the database holds of a user and its links: a refusal must leave it exactly as it was. */
export async function accountState(api: TestApi, userId: string): Promise<unknown> {
  const [user] = await sql(
    api,
    `SELECT password_hash AS "passwordHash", active, invited, token_version AS "tokenVersion", display_name AS "displayName"
       FROM users WHERE id = $1`,
    [userId],
  );
  const links = await sql(
    api,
    `SELECT id, used_at AS "usedAt", revoked_at AS "revokedAt", expires_at AS "expiresAt"
       FROM account_links WHERE user_id = $1 ORDER BY created_at, id`,
    [userId],
  );
  const sessions = await sql(
    api,
    `SELECT id, used_at AS "usedAt", revoked_at AS "revokedAt" FROM refresh_tokens WHERE user_id = $1 ORDER BY id`,
    [userId],
  );
  return { user, links, sessions };
}

/** True when no stored row of the tables the secretariat can read holds the token. */
export async function tokenStoredAnywhere(api: TestApi, token: string): Promise<boolean> {
  const [row] = await sql<{ found: boolean }>(
    api,
    `SELECT EXISTS (SELECT 1 FROM account_links l WHERE l::text LIKE '%' || $1 || '%')
         OR EXISTS (SELECT 1 FROM notifications n WHERE n::text LIKE '%' || $1 || '%')
         OR EXISTS (SELECT 1 FROM outbox o WHERE o::text LIKE '%' || $1 || '%')
         OR EXISTS (SELECT 1 FROM audit_events a WHERE a::text LIKE '%' || $1 || '%') AS found`,
    [token],
  );
  return row.found;
}

/**
 * The fragment (`#token=…`) of the newest link of a purpose sent to a user, as its e-mail
 * carries it: signed here from the link's id, for the browser suites (the e2e suites read the
 * e-mails themselves).
 */
export async function accountLinkFragment(api: TestApi, userId: string, purpose: string): Promise<string> {
  const [link] = await sql<{ id: string }>(
    api,
    `SELECT id FROM account_links WHERE user_id = $1 AND purpose = $2 ORDER BY created_at DESC, id LIMIT 1`,
    [userId, purpose],
  );
  if (!link) throw new Error(`no ${purpose} link for ${userId}`);
  return `#token=${api.app.get(AccountLinkSigner).token(link.id)}`;
}

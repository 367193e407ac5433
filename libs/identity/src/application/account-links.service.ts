import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccountLinkSigner, Page, Transaction } from '@app/platform';
import { AccountLink, AccountLinkPurpose, AccountLinkStatus, accountLinkRefusal } from '../domain/account-link';
import { AccountLinksRepository } from '../infrastructure/account-links.repository';

export interface AccountLinkRequest {
  purpose: AccountLinkPurpose;
  userId: string;
  payload?: Record<string, unknown>;
  /** How long the link works, in seconds. */
  ttlSeconds: number;
  createdBy?: string | null;
}

/**
 * Single-use links e-mailed to a user (invitations, password resets, e-mail checks). A link's token
 * is `AccountLinkSigner.token(id)`; only its SHA-256 is stored, and the e-mail that carries it is
 * built at send time from the link's id (the notification's `linkId` parameter), so neither
 * `account_links` nor `notifications` holds a usable token. Every method writes inside the caller's
 * transaction, beside the change the link is for.
 */
@Injectable()
export class AccountLinksService {
  constructor(
    private readonly links: AccountLinksRepository,
    private readonly signer: AccountLinkSigner,
  ) {}

  /** A new link; notify its user with a template that takes `linkId` to send it. */
  issue(tx: Transaction, request: AccountLinkRequest): Promise<AccountLink> {
    const id = randomUUID();
    return this.links.insert(tx, {
      id,
      purpose: request.purpose,
      userId: request.userId,
      tokenHash: this.signer.tokenHash(this.signer.token(id)),
      payload: request.payload ?? {},
      createdBy: request.createdBy ?? null,
      ttlSeconds: request.ttlSeconds,
    });
  }

  /**
   * Uses a link: refused (LINK_INVALID, LINK_WRONG_USER, LINK_USED, LINK_REVOKED, LINK_EXPIRED)
   * unless the token names a pending link of this purpose (and of this user, when given). The row is
   * locked, so of two concurrent uses one wins and the other is LINK_USED. A refusal writes nothing.
   */
  async consume(
    tx: Transaction,
    purpose: AccountLinkPurpose,
    token: string,
    options: { userId?: string } = {},
  ): Promise<AccountLink> {
    const { link, now } = await this.links.findByTokenHash(this.signer.tokenHash(token), { tx, lock: true });
    const refusal = accountLinkRefusal(link, { purpose, userId: options.userId }, now);
    if (refusal || !link) throw refusal;
    await this.links.markUsed(tx, link.id);
    return { ...link, usedAt: now };
  }

  /** Uses a link its flow found and judged pending without its token (an invitation accepted through single sign-on). */
  markUsed(tx: Transaction, id: string): Promise<void> {
    return this.links.markUsed(tx, id);
  }

  /** The link a token names if it could be used now (for a page to show what it is about); refused as `consume` is. */
  async check(purpose: AccountLinkPurpose, token: string, options: { userId?: string } = {}): Promise<AccountLink> {
    const { link, now } = await this.links.findByTokenHash(this.signer.tokenHash(token));
    const refusal = accountLinkRefusal(link, { purpose, userId: options.userId }, now);
    if (refusal || !link) throw refusal;
    return link;
  }

  get(id: string, tx?: Transaction, lock = false): Promise<AccountLink | null> {
    return this.links.findById(id, { tx, lock });
  }

  /** Revokes links that are neither used nor revoked yet; answers the ids it revoked. */
  revoke(tx: Transaction, ids: string[]): Promise<string[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.links.revoke(tx, ids);
  }

  /** Revokes every unused link of a user for a purpose; answers how many. */
  revokeAllOf(tx: Transaction, userId: string, purpose: AccountLinkPurpose): Promise<number> {
    return this.links.revokeAllOf(tx, userId, purpose);
  }

  /**
   * Resending makes a new link with the same purpose, user and payload and a fresh lifetime, and
   * revokes the old one: only the newest e-mail works, whatever became of the older ones.
   */
  async reissue(
    tx: Transaction,
    previous: AccountLink,
    options: { ttlSeconds: number; createdBy?: string | null },
  ): Promise<AccountLink> {
    await this.links.revoke(tx, [previous.id]);
    return this.issue(tx, {
      purpose: previous.purpose,
      userId: previous.userId,
      payload: previous.payload,
      ttlSeconds: options.ttlSeconds,
      createdBy: options.createdBy ?? previous.createdBy,
    });
  }

  list(filter: {
    purpose: AccountLinkPurpose;
    status?: AccountLinkStatus;
    limit: number;
    offset: number;
  }): Promise<Page<AccountLink & { status: AccountLinkStatus }>> {
    return this.links.list(filter);
  }
}

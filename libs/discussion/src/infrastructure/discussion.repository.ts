import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Transaction, Transactions } from '@app/platform';
import {
  DiscussionPost,
  DiscussionPostVersion,
  Participant,
  ParticipantKind,
  PersonRef,
  EVALUATOR_PSEUDONYM_PREFIX,
  SECRETARIAT_PSEUDONYM,
} from '../domain/discussion';

export interface NewPost {
  callId: string;
  applicationId: string;
  authorId: string;
  authorKind: ParticipantKind;
  body: string;
  mentionIds: string[];
}

/** How a mentioned person takes part, which decides where its notice links to. */
export interface Mentionable {
  kind: ParticipantKind;
  assignmentId: string | null;
}

/** A post as an edit finds it, locked: with everyone any earlier text of it mentioned. */
export interface LockedPost {
  id: string;
  callId: string;
  applicationId: string;
  authorId: string;
  body: string;
  mentionIds: string[];
  version: number;
  writtenAt: Date;
  earlierMentionIds: string[];
}

interface PostRow {
  total: number;
  id: string | null;
  call_id: string;
  application_id: string;
  author_id: string;
  author_name: string | null;
  author_kind: ParticipantKind;
  body: string;
  mentions: PersonRef[];
  version: number;
  created_at: Date;
  edited_at: Date | null;
}

interface VersionRow {
  total: number;
  version: number | null;
  body: string;
  mentions: PersonRef[];
  written_at: Date;
  replaced_at: Date;
}

interface ParticipantRow {
  total: number;
  user_id: string | null;
  display_name: string;
  kind: ParticipantKind;
  evaluator_number: number | null;
}

/**
 * Mentions as people, in the order the post gives them; a user since gone keeps an empty name. Their
 * numbers among the evaluators are the service's to give, with the names the reader sees.
 */
const MENTIONS_OF = (column: string) => `
  (SELECT coalesce(jsonb_agg(jsonb_build_object('id', m.id, 'displayName', coalesce(n.display_name, ''),
                                                'evaluatorNumber', NULL)
                             ORDER BY m.position), '[]'::jsonb)
     FROM unnest(${column}) WITH ORDINALITY AS m (id, position)
     LEFT JOIN identity_user_names n ON n.user_id = m.id)`;

/**
 * Every evaluator ever assigned to an application ($1), numbered in the order they were first
 * assigned to it: assignments are never deleted, so a later one only adds a number.
 */
const PANEL_NUMBERS = `
  SELECT evaluator_id, (row_number() OVER (ORDER BY min(assigned_at), evaluator_id))::int AS number
    FROM evaluation_assignment_states WHERE application_id = $1 GROUP BY evaluator_id`;

/**
 * Who takes part in an application's thread ($1): its evaluators whose evaluation is submitted (the
 * assignment states evaluation grants), and the secretariat's active accounts (identity's view).
 * A secretariat member also assigned counts once, as the secretariat.
 */
const PARTICIPANTS = `
  SELECT s.user_id, s.display_name, 'secretariat' AS kind, NULL::uuid AS assignment_id, NULL::int AS evaluator_number
    FROM identity_staff_names s
  UNION ALL
  SELECT a.evaluator_id, n.display_name, 'evaluator', (max(a.assignment_id::text))::uuid, max(p.number)
    FROM evaluation_assignment_states a
    JOIN identity_user_names n ON n.user_id = a.evaluator_id
    JOIN (${PANEL_NUMBERS}) p ON p.evaluator_id = a.evaluator_id
   WHERE a.application_id = $1 AND a.status = 'submitted'
     AND NOT EXISTS (SELECT 1 FROM identity_staff_names s WHERE s.user_id = a.evaluator_id)
   GROUP BY a.evaluator_id, n.display_name`;

/**
 * The threads' persistence: posts and the texts edits replaced, each page one statement whose count
 * comes on a row of its own, left-joined to the page, so that a page past the end still says how many.
 */
@Injectable()
export class DiscussionRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * The caller's own assignment of the application, as the thread's rule needs it. In a transaction
   * that writes, its live assignments are share-locked until the end, so that a reopening, a release
   * or a reassignment waits for the post, or the post for them and then reads what they made.
   */
  async assignmentStanding(
    applicationId: string,
    evaluatorId: string,
    tx?: Transaction,
  ): Promise<'submitted' | 'unsubmitted' | null> {
    const [row] = (await (tx ?? this.transactions.autocommit).query(
      `SELECT bool_or(status = 'submitted') AS submitted
         FROM (SELECT status FROM evaluation_assignment_states
                WHERE application_id = $1 AND evaluator_id = $2 AND status IN ('assigned', 'draft', 'submitted')
                ${tx ? 'FOR SHARE' : ''}) live
       HAVING count(*) > 0`,
      [applicationId, evaluatorId],
    )) as Array<{ submitted: boolean }>;
    if (!row) return null;
    return row.submitted ? 'submitted' : 'unsubmitted';
  }

  /** The application's evaluators by their numbers (see PANEL_NUMBERS). */
  async evaluatorNumbers(
    applicationId: string,
    tx: Transaction = this.transactions.autocommit,
  ): Promise<Map<string, number>> {
    const rows = (await tx.query(PANEL_NUMBERS, [applicationId])) as Array<{
      evaluator_id: string;
      number: number;
    }>;
    return new Map(rows.map((r) => [r.evaluator_id, r.number]));
  }

  /** The call's chair, through the view moderation grants; null when it has none. */
  async chairOf(callId: string, tx: Transaction = this.transactions.autocommit): Promise<string | null> {
    const [row] = (await tx.query(`SELECT chair_id FROM moderation_call_chairs WHERE call_id = $1`, [
      callId,
    ])) as Array<{
      chair_id: string;
    }>;
    return row?.chair_id ?? null;
  }

  /**
   * A page of the thread's participants, optionally those whose name contains `search`: by name, or,
   * for a reader who does not see names, by what it sees (the evaluators by number, then the secretariat).
   */
  async participants(
    applicationId: string,
    page: PageQuery & { search?: string },
    namesShown: boolean,
  ): Promise<Page<Participant>> {
    const pattern = page.search ? `%${page.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = (await this.transactions.autocommit.query(
      `WITH people AS (
              SELECT user_id, kind, evaluator_number,
                     CASE WHEN $5::boolean THEN display_name
                          WHEN evaluator_number IS NULL THEN $6::text
                          ELSE $7::text || evaluator_number END AS display_name,
                     CASE WHEN $5::boolean THEN lower(display_name) ELSE '' END AS sort_name
                FROM (${PARTICIPANTS}) participating),
            matching AS (SELECT * FROM people WHERE $2::text IS NULL OR display_name ILIKE $2)
       SELECT counted.total, page.*
         FROM (SELECT count(*)::int AS total FROM matching) counted
         LEFT JOIN LATERAL (
           SELECT * FROM matching ORDER BY sort_name, evaluator_number NULLS LAST, user_id LIMIT $3 OFFSET $4
         ) page ON true
        ORDER BY page.sort_name, page.evaluator_number NULLS LAST, page.user_id`,
      [applicationId, pattern, page.limit, page.offset, namesShown, SECRETARIAT_PSEUDONYM, EVALUATOR_PSEUDONYM_PREFIX],
    )) as ParticipantRow[];
    return {
      total: rows[0]?.total ?? 0,
      items: rows.flatMap((r) =>
        r.user_id === null
          ? []
          : [{ id: r.user_id, displayName: r.display_name, kind: r.kind, evaluatorNumber: r.evaluator_number }],
      ),
    };
  }

  /**
   * Of the given users, those who take part in the application's thread (who may be mentioned), with
   * how they take part and, for an evaluator, the assignment its pages show the thread on.
   */
  async participantsAmong(
    applicationId: string,
    userIds: string[],
    tx: Transaction,
  ): Promise<Map<string, Mentionable>> {
    if (userIds.length === 0) return new Map();
    const rows = (await tx.query(
      `SELECT user_id, kind, assignment_id FROM (${PARTICIPANTS}) people WHERE user_id = ANY ($2::uuid[])`,
      [applicationId, userIds],
    )) as Array<{ user_id: string; kind: ParticipantKind; assignment_id: string | null }>;
    return new Map(rows.map((r) => [r.user_id, { kind: r.kind, assignmentId: r.assignment_id }]));
  }

  async postIdsOf(applicationId: string): Promise<string[]> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT id FROM discussion_posts WHERE application_id = $1`,
      [applicationId],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  async insert(tx: Transaction, post: NewPost): Promise<string> {
    const [row] = (await tx.query(
      `INSERT INTO discussion_posts (call_id, application_id, author_id, author_kind, body, mention_ids)
       VALUES ($1, $2, $3, $4, $5, $6::uuid[]) RETURNING id`,
      [post.callId, post.applicationId, post.authorId, post.authorKind, post.body, post.mentionIds],
    )) as Array<{ id: string }>;
    return row.id;
  }

  async lock(tx: Transaction, postId: string): Promise<LockedPost | null> {
    const [row] = (await tx.query(
      `SELECT p.id, p.call_id, p.application_id, p.author_id, p.body, p.mention_ids, p.version,
              coalesce(p.edited_at, p.created_at) AS written_at,
              (SELECT coalesce(array_agg(DISTINCT m), '{}')
                 FROM discussion_post_versions v, unnest(v.mention_ids) AS m
                WHERE v.post_id = p.id) AS earlier_mention_ids
         FROM discussion_posts p WHERE p.id = $1 FOR UPDATE`,
      [postId],
    )) as Array<{
      id: string;
      call_id: string;
      application_id: string;
      author_id: string;
      body: string;
      mention_ids: string[];
      version: number;
      written_at: Date;
      earlier_mention_ids: string[];
    }>;
    if (!row) return null;
    return {
      id: row.id,
      callId: row.call_id,
      applicationId: row.application_id,
      authorId: row.author_id,
      body: row.body,
      mentionIds: row.mention_ids,
      version: row.version,
      writtenAt: row.written_at,
      earlierMentionIds: row.earlier_mention_ids,
    };
  }

  /**
   * Keeps the text being replaced as a version of its own and puts the new one in its place, in one
   * statement: the version's end is the new text's start, to the microsecond.
   */
  async replaceText(tx: Transaction, post: LockedPost, text: { body: string; mentionIds: string[] }): Promise<void> {
    await tx.query(
      `WITH replaced AS (
         INSERT INTO discussion_post_versions (post_id, version, call_id, body, mention_ids, written_at, replaced_at)
         VALUES ($1, $2, $3, $4, $5::uuid[], $6, clock_timestamp())
         RETURNING replaced_at
       )
       UPDATE discussion_posts
          SET body = $7, mention_ids = $8::uuid[], version = version + 1,
              edited_at = (SELECT replaced_at FROM replaced)
        WHERE id = $1`,
      [post.id, post.version, post.callId, post.body, post.mentionIds, post.writtenAt, text.body, text.mentionIds],
    );
  }

  async findPost(postId: string, tx: Transaction = this.transactions.autocommit): Promise<DiscussionPost | null> {
    const rows = (await tx.query(
      `SELECT 1 AS total, ${POST_COLUMNS} FROM discussion_posts p ${AUTHOR_JOIN} WHERE p.id = $1`,
      [postId],
    )) as PostRow[];
    return rows.length === 0 ? null : toPost(rows[0]);
  }

  /** A page of an application's thread, oldest first: a thread reads in the order it was written. */
  async posts(applicationId: string, page: PageQuery): Promise<Page<DiscussionPost>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT counted.total, page.*
         FROM (SELECT count(*)::int AS total FROM discussion_posts WHERE application_id = $1) counted
         LEFT JOIN LATERAL (
           SELECT ${POST_COLUMNS} FROM discussion_posts p ${AUTHOR_JOIN}
            WHERE p.application_id = $1
            ORDER BY p.created_at, p.id LIMIT $2 OFFSET $3
         ) page ON true
        ORDER BY page.created_at, page.id`,
      [applicationId, page.limit, page.offset],
    )) as PostRow[];
    return { total: rows[0]?.total ?? 0, items: rows.flatMap((r) => (r.id === null ? [] : [toPost(r)])) };
  }

  /** A page of the texts a post had before its edits, the latest first. */
  async versions(postId: string, page: PageQuery): Promise<Page<DiscussionPostVersion>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT counted.total, page.*
         FROM (SELECT count(*)::int AS total FROM discussion_post_versions WHERE post_id = $1) counted
         LEFT JOIN LATERAL (
           SELECT v.version, v.body, ${MENTIONS_OF('v.mention_ids')} AS mentions, v.written_at, v.replaced_at
             FROM discussion_post_versions v
            WHERE v.post_id = $1
            ORDER BY v.version DESC LIMIT $2 OFFSET $3
         ) page ON true
        ORDER BY page.version DESC`,
      [postId, page.limit, page.offset],
    )) as VersionRow[];
    return {
      total: rows[0]?.total ?? 0,
      items: rows.flatMap((r) =>
        r.version === null
          ? []
          : [
              {
                version: r.version,
                body: r.body,
                mentions: r.mentions,
                writtenAt: r.written_at,
                replacedAt: r.replaced_at,
              },
            ],
      ),
    };
  }
}

const POST_COLUMNS = `p.id, p.call_id, p.application_id, p.author_id, n.display_name AS author_name, p.author_kind,
  p.body, ${MENTIONS_OF('p.mention_ids')} AS mentions, p.version, p.created_at, p.edited_at`;
const AUTHOR_JOIN = 'LEFT JOIN identity_user_names n ON n.user_id = p.author_id';

function toPost(row: PostRow): DiscussionPost {
  return {
    id: row.id as string,
    callId: row.call_id,
    applicationId: row.application_id,
    author: { id: row.author_id, displayName: row.author_name ?? '', evaluatorNumber: null },
    authorKind: row.author_kind,
    body: row.body,
    mentions: row.mentions,
    version: row.version,
    createdAt: row.created_at,
    editedAt: row.edited_at,
  };
}

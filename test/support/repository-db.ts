import { INestApplicationContext, Provider, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PlatformModule, Transaction, Transactions } from '@app/platform';

/**
 * What the repository integration suites share: a Nest context on the jest worker's own migrated
 * database with just the repositories under test (and the entities they map), and rows seeded by SQL.
 * Every seeded row has unique values, so suites sharing a worker's database never see each other's rows
 * through the ids they hold.
 */
export interface RepositoryDb {
  context: INestApplicationContext;
  db: DataSource;
  transactions: Transactions;
  seed: Seed;
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

export async function startRepositories(providers: Provider[], entities: Type[] = []): Promise<RepositoryDb> {
  const imports = entities.length > 0 ? [PlatformModule, TypeOrmModule.forFeature(entities)] : [PlatformModule];
  const moduleRef = await Test.createTestingModule({ imports, providers }).compile();
  const context = await moduleRef.init();
  const db = context.get(DataSource);
  return {
    context,
    db,
    transactions: context.get(Transactions),
    seed: new Seed(db),
    get: (type) => context.get(type),
    close: () => context.close(),
  };
}

class Rollback extends Error {}

/** Runs the work in a transaction that is then rolled back; answers what the work answered. */
export async function rolledBack<T>(transactions: Transactions, work: (tx: Transaction) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await transactions
    .run(async (tx) => {
      result = await work(tx);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result as T;
}

/** Something that runs SQL: a data source or a transaction. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export type CallStatus = 'draft' | 'open' | 'closed' | 'reviewing' | 'published' | 'archived';
export type ApplicationStatus = 'draft' | 'submitted' | 'withdrawn' | 'selected' | 'waitlisted' | 'not_selected';
export type AssignmentStatus = 'assigned' | 'draft' | 'submitted' | 'declined' | 'released';

export interface CallSeed {
  status?: CallStatus;
  reference?: string;
  cohortSize?: number;
  evaluatorsPerApplication?: number;
  /** Hours from now; negative for a window in the past. */
  opensInHours?: number;
  closesInHours?: number;
  scoring?: Record<string, unknown>;
  selection?: Record<string, unknown>;
  /** Criterion code → weight, in order. */
  criteria?: Record<string, number>;
}

/** Rows of every context, inserted by SQL as a migrated database takes them. */
export class Seed {
  constructor(private readonly db: Queryable) {}

  private async id(sql: string, parameters: unknown[]): Promise<string> {
    const [row] = (await this.db.query(sql, parameters)) as Array<{ id: string }>;
    return row.id;
  }

  user(
    fields: { role?: string; locale?: 'en' | 'fr'; displayName?: string; email?: string; organisationId?: string } = {},
  ): Promise<string> {
    return this.id(
      `INSERT INTO users (email, password_hash, role, display_name, locale, organisation_id)
       VALUES ($1, 'not-a-hash', $2, $3, $4, $5) RETURNING id`,
      [
        fields.email ?? `repo-${randomUUID()}@test.example`,
        fields.role ?? 'applicant',
        fields.displayName ?? 'Repository user',
        fields.locale ?? 'en',
        fields.organisationId ?? null,
      ],
    );
  }

  organisation(fields: { countryCode?: string; name?: string; city?: string } = {}): Promise<string> {
    return this.id(
      `INSERT INTO organisations (name, country_code, type, city) VALUES ($1, $2, 'innovation_hub', $3) RETURNING id`,
      [fields.name ?? `Hub ${randomUUID()}`, fields.countryCode ?? 'KE', fields.city ?? null],
    );
  }

  async call(fields: CallSeed = {}): Promise<string> {
    const callId = await this.id(
      `INSERT INTO calls (reference, title, status, opens_at, closes_at, cohort_size, evaluators_per_application,
                          scoring, selection)
       VALUES ($1, 'Repository call', 'draft', now() + make_interval(hours => $2), now() + make_interval(hours => $3),
               $4, $5, $6, $7)
       RETURNING id`,
      [
        fields.reference ?? `REPO/${randomUUID()}`,
        fields.opensInHours ?? -48,
        fields.closesInHours ?? 48,
        fields.cohortSize ?? 3,
        fields.evaluatorsPerApplication ?? 2,
        JSON.stringify(fields.scoring ?? { scaleMin: 0, scaleMax: 10, normalization: 'none' }),
        JSON.stringify(fields.selection ?? {}),
      ],
    );
    let position = 0;
    for (const [code, weight] of Object.entries(fields.criteria ?? {})) {
      await this.db.query(`INSERT INTO criteria (call_id, code, title, weight, position) VALUES ($1, $2, $2, $3, $4)`, [
        callId,
        code,
        weight,
        position++,
      ]);
    }
    // Applications, assignments and the like are refused once a call is published: seed them first.
    if (fields.status && fields.status !== 'draft') await this.callStatus(callId, fields.status);
    return callId;
  }

  async callStatus(callId: string, status: CallStatus): Promise<void> {
    await this.db.query(`UPDATE calls SET status = $2 WHERE id = $1`, [callId, status]);
  }

  /** An application of a new organisation (in the country given, Kenya otherwise), created by a new applicant. */
  async application(
    callId: string,
    fields: { status?: ApplicationStatus; countryCode?: string; organisationId?: string; submittedAt?: Date } = {},
  ): Promise<string> {
    const countryCode = fields.countryCode ?? 'KE';
    const organisationId = fields.organisationId ?? (await this.organisation({ countryCode }));
    const createdBy = await this.user({ organisationId });
    const status = fields.status ?? 'submitted';
    return this.id(
      `INSERT INTO applications (call_id, organisation_id, country_code, region, status, submitted_at, created_by)
       SELECT $1, $2, c.code, c.region, $3, CASE WHEN $3 IN ('draft', 'withdrawn') THEN NULL ELSE coalesce($5, now()) END, $4
       FROM countries c WHERE c.code = $6
       RETURNING id`,
      [callId, organisationId, status, createdBy, fields.submittedAt ?? null, countryCode],
    );
  }

  assignment(callId: string, applicationId: string, evaluatorId: string, status: AssignmentStatus = 'assigned') {
    return this.id(
      `INSERT INTO assignments (call_id, application_id, evaluator_id, status, submitted_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'submitted' THEN now() END) RETURNING id`,
      [callId, applicationId, evaluatorId, status],
    );
  }

  /** Criterion scores of an assignment, by criterion code. */
  async scores(assignmentId: string, scores: Record<string, number>): Promise<void> {
    await this.db.query(
      `INSERT INTO criterion_scores (assignment_id, criterion_code, score)
       SELECT $1, s.key, s.value::int FROM jsonb_each_text($2::jsonb) s`,
      [assignmentId, JSON.stringify(scores)],
    );
  }

  /** The computed eligibility and the secretariat's decision of an application (null: none). */
  async eligibility(applicationId: string, computed: boolean | null, override: boolean | null = null): Promise<void> {
    await this.db.query(`UPDATE applications SET eligibility = $2, eligibility_override = $3 WHERE id = $1`, [
      applicationId,
      computed === null ? null : JSON.stringify({ eligible: computed, reasons: [] }),
      override === null ? null : JSON.stringify({ eligible: override, reason: 'decided' }),
    ]);
  }

  /** Stores (or replaces) an application's scoring result, as scoring writes it; its scores all equal `score`. */
  async result(
    callId: string,
    applicationId: string,
    fields: { rank: number | null; score: number; evaluationCount?: number; spread?: number },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO application_results (application_id, call_id, raw_score, normalized_score, score, evaluation_count,
                                        spread, std_dev, needs_moderation, rank)
       VALUES ($1, $2, $3, $3, $3, $4, $5, 0, false, $6)
       ON CONFLICT (application_id, stage) DO UPDATE
         SET raw_score = EXCLUDED.raw_score, normalized_score = EXCLUDED.normalized_score, score = EXCLUDED.score,
             evaluation_count = EXCLUDED.evaluation_count, spread = EXCLUDED.spread, rank = EXCLUDED.rank,
             computed_at = clock_timestamp()`,
      [applicationId, callId, fields.score, fields.evaluationCount ?? 1, fields.spread ?? 0, fields.rank],
    );
  }

  /**
   * A cohort of the call, published when told, with a snapshot and its hash as the schema demands: an
   * empty public document, since suites of the same worker later list the published cohorts through the API.
   */
  cohort(callId: string, createdBy: string, status: 'proposed' | 'approved' | 'published' = 'proposed') {
    const published = status === 'published';
    return this.id(
      `WITH cohort AS (SELECT gen_random_uuid() AS id, date_trunc('milliseconds', now()) AS at)
       INSERT INTO cohorts (id, call_id, status, constraints, facts_fingerprint, members, waitlist, excluded,
                            unmet_constraints, created_by, snapshot, content_hash, published_at, published_by)
       SELECT cohort.id, $1, $2, '{}', repeat('0', 64), '[]', '[]', '[]', '[]', $3,
              CASE WHEN $4 THEN jsonb_build_object(
                'id', cohort.id,
                'call', jsonb_build_object('reference', 'TEST/1', 'title', 'Test call'),
                'publishedAt', to_char(cohort.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'members', '[]'::jsonb,
                'statistics', jsonb_build_object('applications', 0, 'countries', 0, 'selected', 0)) END,
              CASE WHEN $4 THEN repeat('a', 64) END, CASE WHEN $4 THEN cohort.at END, CASE WHEN $4 THEN $3::uuid END
       FROM cohort
       RETURNING id`,
      [callId, status, createdBy, published],
    );
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity, organisations, calls, applications, documents and the append-only audit log. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE countries (
        code char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
        region text NOT NULL CHECK (region IN ('AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR')),
        member_state boolean NOT NULL,
        name_en text NOT NULL,
        name_fr text NOT NULL
      )`);

    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        country_code char(2) NOT NULL REFERENCES countries (code),
        type text NOT NULL CHECK (type IN ('academia', 'incubator', 'accelerator', 'innovation_hub', 'government',
          'regulator', 'private_sector', 'ngo', 'international_organisation')),
        city text,
        website text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('applicant', 'evaluator', 'secretariat', 'admin')),
        display_name text NOT NULL,
        country_code char(2) REFERENCES countries (code),
        affiliation text,
        locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'fr')),
        organisation_id uuid REFERENCES organisations (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(`CREATE INDEX users_organisation_idx ON users (organisation_id)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);

    await q.query(`
      CREATE TABLE calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'open', 'closed', 'reviewing', 'published', 'archived')),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        cohort_size integer NOT NULL CHECK (cohort_size >= 1),
        evaluators_per_application integer NOT NULL CHECK (evaluators_per_application >= 1),
        eligibility jsonb NOT NULL DEFAULT '{}',
        selection jsonb NOT NULL DEFAULT '{}',
        scoring jsonb NOT NULL,
        assignment jsonb NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT calls_window_check CHECK (closes_at > opens_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX calls_reference_key ON calls (lower(reference))`);
    await q.query(`CREATE INDEX calls_status_idx ON calls (status, closes_at)`);

    await q.query(`
      CREATE TABLE criteria (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        code text NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        weight double precision NOT NULL CHECK (weight > 0),
        position integer NOT NULL,
        CONSTRAINT criteria_call_code_key UNIQUE (call_id, code)
      )`);

    await q.query(`
      CREATE TABLE questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        key text NOT NULL,
        label text NOT NULL,
        type text NOT NULL CHECK (type IN ('text', 'longtext', 'number', 'choice', 'url', 'email')),
        required boolean NOT NULL DEFAULT false,
        max_length integer CHECK (max_length > 0),
        options jsonb,
        position integer NOT NULL,
        CONSTRAINT questions_call_key_key UNIQUE (call_id, key)
      )`);

    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES calls (id),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        -- The organisation's country and region when it applied; selection caps and filters use them.
        country_code char(2) NOT NULL REFERENCES countries (code),
        region text NOT NULL,
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'submitted', 'withdrawn', 'selected', 'waitlisted', 'not_selected')),
        answers jsonb NOT NULL DEFAULT '{}',
        eligibility jsonb,
        eligibility_override jsonb,
        submitted_at timestamptz,
        withdrawn_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT applications_call_organisation_key UNIQUE (call_id, organisation_id),
        CONSTRAINT applications_submitted_check CHECK (status = 'draft' OR status = 'withdrawn' OR submitted_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX applications_call_status_idx ON applications (call_id, status)`);
    await q.query(`CREATE INDEX applications_organisation_idx ON applications (organisation_id)`);
    await q.query(`CREATE INDEX applications_call_country_idx ON applications (call_id, country_code)`);

    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        kind text NOT NULL,
        filename text NOT NULL,
        mime_type text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX documents_application_idx ON documents (application_id)`);

    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        before jsonb,
        after jsonb,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, occurred_at)`);
    // The audit log is append-only, whatever code runs against the database.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_events',
      'documents',
      'applications',
      'questions',
      'criteria',
      'calls',
      'refresh_tokens',
      'users',
      'organisations',
      'countries',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_events_append_only()`);
  }
}

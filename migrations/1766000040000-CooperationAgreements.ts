import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cooperation agreements with the centres that accepted their place (issue 15): the terms the
 * secretariat writes per call, each centre's agreement as issued (its document frozen then), the
 * signed copies the centre uploads, and the secretariat's countersignature. The network's public
 * directory is the countersigned agreements.
 */
export class CooperationAgreements1766000040000 implements MigrationInterface {
  name = 'CooperationAgreements1766000040000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agreement_terms (
        call_id uuid PRIMARY KEY REFERENCES calls (id),
        terms text NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by uuid REFERENCES users (id),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE TABLE cooperation_agreements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts (id),
        application_id uuid NOT NULL UNIQUE REFERENCES applications (id),
        -- What the agreement document shows (the centre, the call, the terms, the date of issue),
        -- frozen at issue: later edits of the terms or of the organisation do not change it.
        document jsonb NOT NULL,
        status text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'signed', 'countersigned')),
        issued_at timestamptz NOT NULL,
        issued_by uuid REFERENCES users (id),
        signed_at timestamptz,
        countersigned_at timestamptz,
        countersigned_by uuid REFERENCES users (id),
        -- Why the secretariat sent the last signed copy back, until the centre uploads another.
        return_reason text,
        -- The last reminder of a signature still pending, so that each is sent once per interval.
        reminded_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT cooperation_agreements_signed_check CHECK ((status = 'issued') = (signed_at IS NULL)),
        CONSTRAINT cooperation_agreements_countersigned_check
          CHECK ((status = 'countersigned') = (countersigned_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX cooperation_agreements_cohort_idx ON cooperation_agreements (cohort_id)`);
    await q.query(
      `CREATE INDEX cooperation_agreements_pending_idx ON cooperation_agreements (issued_at) WHERE status = 'issued'`,
    );
    await q.query(
      `CREATE INDEX cooperation_agreements_directory_idx ON cooperation_agreements (countersigned_at, id) WHERE status = 'countersigned'`,
    );
    await q.query(`
      CREATE TABLE agreement_signed_copies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES cooperation_agreements (id),
        filename text NOT NULL,
        mime_type text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users (id),
        uploaded_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX agreement_signed_copies_agreement_idx ON agreement_signed_copies (agreement_id, uploaded_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agreement_signed_copies`);
    await q.query(`DROP TABLE cooperation_agreements`);
    await q.query(`DROP TABLE agreement_terms`);
  }
}

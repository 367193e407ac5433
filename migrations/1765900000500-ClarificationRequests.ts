import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Questions put to an applicant about its submitted application, with a reply deadline. An
 * evaluator's question waits for the secretariat (`proposed`), which sends it, perhaps reworded, or
 * declines it; the secretariat's own go out at once. A sent request past `reply_by` without an
 * answer is expired: that is read from the clock, never written, so no scheduler has to run for it.
 * The answer's one optional document has a table of its own, keyed by the request, so the
 * application's own documents (what was submitted) never change. Both are frozen with the call's
 * other rows once its cohort is published.
 */
export class ClarificationRequests1765900000500 implements MigrationInterface {
  name = 'ClarificationRequests1765900000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clarification_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('proposed', 'sent', 'declined', 'answered')),
        question text NOT NULL CHECK (length(question) BETWEEN 1 AND 4000),
        proposed_question text,
        reply_by timestamptz NOT NULL,
        proposed_by uuid REFERENCES users (id),
        proposed_at timestamptz,
        sent_by uuid REFERENCES users (id),
        sent_at timestamptz,
        declined_by uuid REFERENCES users (id),
        declined_at timestamptz,
        decline_reason text,
        answer text,
        answered_by uuid REFERENCES users (id),
        answered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT clarification_requests_proposal_check
          CHECK ((proposed_by IS NULL) = (proposed_at IS NULL) AND (proposed_by IS NULL) = (proposed_question IS NULL)),
        CONSTRAINT clarification_requests_sent_check
          CHECK ((status IN ('sent', 'answered')) = (sent_at IS NOT NULL AND sent_by IS NOT NULL)),
        CONSTRAINT clarification_requests_declined_check
          CHECK ((status = 'declined') = (declined_at IS NOT NULL AND decline_reason IS NOT NULL)),
        CONSTRAINT clarification_requests_answered_check
          CHECK ((status = 'answered') = (answered_at IS NOT NULL AND answer IS NOT NULL AND answered_by IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX clarification_requests_application_idx ON clarification_requests (application_id, created_at)`,
    );
    await q.query(
      `CREATE INDEX clarification_requests_call_status_idx ON clarification_requests (call_id, status, created_at)`,
    );
    await q.query(`
      CREATE TABLE clarification_documents (
        clarification_id uuid PRIMARY KEY REFERENCES clarification_requests (id) ON DELETE CASCADE,
        filename text NOT NULL,
        mime_type text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`
      CREATE TRIGGER clarification_requests_frozen_after_publication
      BEFORE INSERT OR UPDATE OR DELETE ON clarification_requests
      FOR EACH ROW EXECUTE FUNCTION refuse_writes_of_published_calls()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS clarification_documents`);
    await q.query(`DROP TABLE IF EXISTS clarification_requests`);
  }
}

/**
 * The statements of the bare endpoints (the call list runs the project's own): what each request
 * needs of the database, no more. The caller (user active, token version current, session live) is
 * checked in the same statement as the read, as one statement per request would; answers are built
 * as JSON by PostgreSQL.
 */

/** $1 user id, $2 token version, $3 session (refresh-token family). */
const CALLER = `caller AS (
  SELECT u.id, u.role, u.organisation_id, u.locale FROM users u
  WHERE u.id = $1 AND u.active AND u.token_version = $2
    AND EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = $3 AND t.user_id = u.id AND t.revoked_at IS NULL))`;

/** An application `a` of call `c` as its owner reads it. */
const APPLICATION_JSON = `json_build_object(
  'id', a.id, 'callId', a.call_id,
  'call', json_build_object('id', c.id, 'reference', c.reference, 'title', c.title, 'status', c.status,
                            'closesAt', c.closes_at),
  'organisationId', a.organisation_id, 'countryCode', a.country_code, 'region', a.region, 'status', a.status,
  'outcome', NULL, 'feedback', a.feedback, 'version', a.version, 'answers', a.answers,
  'eligibility', a.eligibility || jsonb_build_object('overridden', a.eligibility_override IS NOT NULL),
  'submittedAt', a.submitted_at, 'withdrawnAt', a.withdrawn_at,
  'submittedBy', (SELECT json_build_object('id', n.user_id, 'displayName', n.display_name)
                  FROM identity_user_names n WHERE n.user_id = a.submitted_by),
  'documents', COALESCE((SELECT json_agg(json_build_object('id', d.id, 'kind', d.kind, 'filename', d.filename,
                                  'size', d.size, 'sha256', d.sha256, 'mimeType', d.mime_type, 'createdAt', d.created_at)
                                  ORDER BY d.created_at)
                         FROM documents d WHERE d.application_id = a.id), '[]'),
  'createdAt', a.created_at, 'updatedAt', a.updated_at)`;

const QUESTIONS_JSON = `(SELECT json_agg(json_build_object('key', q.key, 'label', q.label, 'type', q.type,
    'required', q.required, 'maxLength', q.max_length, 'options', q.options) ORDER BY q.position)
  FROM questions q WHERE q.call_id = c.id)`;

const CRITERIA_JSON = `(SELECT json_agg(json_build_object('code', k.code, 'title', k.title,
    'description', k.description, 'weight', k.weight) ORDER BY k.position)
  FROM criteria k WHERE k.call_id = c.id)`;

/** The caller's own application ($4): no row, no valid caller; a null application, not theirs. */
export const OWN_APPLICATION = `
WITH ${CALLER}
SELECT CASE WHEN a.id IS NULL THEN NULL ELSE ${APPLICATION_JSON} END AS application
FROM caller
LEFT JOIN applications a ON a.id = $4 AND a.organisation_id = caller.organisation_id AND caller.role = 'applicant'
LEFT JOIN calls c ON c.id = a.call_id`;

/** What an autosave of application $4 checks: its state, its call's window and questions. */
export const DRAFT_FOR_AUTOSAVE = `
WITH ${CALLER}
SELECT a.id, a.status, a.version, c.status AS call_status, c.opens_at, c.closes_at, ${QUESTIONS_JSON} AS questions
FROM caller
LEFT JOIN applications a ON a.id = $4 AND a.organisation_id = caller.organisation_id AND caller.role = 'applicant'
LEFT JOIN calls c ON c.id = a.call_id`;

/** $1 id, $2 expected version, $3 the answers patch (a null removes an answer). */
export const AUTOSAVE = `
WITH a AS (
  UPDATE applications SET answers = jsonb_strip_nulls(answers || $3::jsonb), version = version + 1, updated_at = now()
  WHERE id = $1 AND version = $2 AND status = 'draft' RETURNING *)
SELECT ${APPLICATION_JSON} AS application FROM a JOIN calls c ON c.id = a.call_id`;

/** Application $4 locked for its submission, its call share-locked, with everything the decision needs. */
export const DRAFT_FOR_SUBMISSION = `
WITH ${CALLER}
SELECT a.id, a.status, a.answers, caller.locale, c.status AS call_status, c.opens_at, c.closes_at, c.reference,
       c.title, c.eligibility, ${QUESTIONS_JSON} AS questions, o.name AS organisation_name, o.country_code,
       o.type AS organisation_type, o.membership_category, k.member_state, now() AS now,
       ARRAY(SELECT d.kind FROM documents d WHERE d.application_id = a.id) AS document_kinds
FROM caller
JOIN applications a ON a.id = $4 AND a.organisation_id = caller.organisation_id AND caller.role = 'applicant'
JOIN calls c ON c.id = a.call_id
JOIN organisations o ON o.id = a.organisation_id
JOIN countries k ON k.code = o.country_code
FOR UPDATE OF a FOR SHARE OF c`;

/**
 * $1 id, $2 submitted at, $3 eligibility, $4 actor, $5 audit after, $6 locale, $7 notification
 * params, $8 subject, $9 body: the submission, its audit event, the receipt and its e-mail job.
 */
export const SUBMIT = `
WITH a AS (
  UPDATE applications
  SET status = 'submitted', submitted_at = $2, submitted_by = $4, eligibility = $3, updated_at = now()
  WHERE id = $1 RETURNING *),
audit AS (
  INSERT INTO audit_events (actor_id, action, entity_type, entity_id, before, after)
  VALUES ($4, 'application.submitted', 'application', $1, '{"status": "draft"}', $5)),
notice AS (
  INSERT INTO notifications (recipient_id, template, locale, params, subject, body)
  VALUES ($4, 'application.received', $6, $7, $8, $9) RETURNING id),
mail AS (
  INSERT INTO outbox (queue, job_name, payload)
  SELECT 'notifications', 'notifications.send-email', jsonb_build_object('notificationId', id) FROM notice)
SELECT ${APPLICATION_JSON} AS application FROM a JOIN calls c ON c.id = a.call_id`;

/** Assignment $4 of the caller locked for a save, its call share-locked, with its criteria and scale. */
export const ASSIGNMENT_FOR_SAVE = `
WITH ${CALLER}
SELECT s.id, s.status, c.status AS call_status, c.scoring, ${CRITERIA_JSON} AS criteria
FROM caller
JOIN assignments s ON s.id = $4 AND s.evaluator_id = caller.id
JOIN calls c ON c.id = s.call_id
FOR UPDATE OF s FOR SHARE OF c`;

/** $1 id, $2 scores, $3 status, $4 overall comment, $5 actor, $6 audit after: the draft replaces the scores. */
export const SAVE_EVALUATION = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS i ("criterionCode" text, score integer, comment text)),
removed AS (
  DELETE FROM criterion_scores
  WHERE assignment_id = $1 AND criterion_code <> ALL (SELECT "criterionCode" FROM input)),
saved AS (
  INSERT INTO criterion_scores (assignment_id, criterion_code, score, comment)
  SELECT $1, "criterionCode", score, comment FROM input
  ON CONFLICT (assignment_id, criterion_code) DO UPDATE SET score = excluded.score, comment = excluded.comment
  RETURNING criterion_code, score, comment),
s AS (
  UPDATE assignments SET status = $3, overall_comment = $4, updated_at = now() WHERE id = $1 RETURNING *),
audit AS (
  INSERT INTO audit_events (actor_id, action, entity_type, entity_id, before, after)
  VALUES ($5, 'evaluation.saved', 'assignment', $1, NULL, $6))
SELECT json_build_object(
  'assignmentId', s.id, 'applicationId', s.application_id, 'evaluatorId', s.evaluator_id, 'stage', s.stage,
  'status', s.status, 'confidence', s.confidence,
  'scores', (SELECT json_agg(json_strip_nulls(json_build_object('criterionCode', criterion_code, 'score', score,
                                                                'comment', comment)) ORDER BY criterion_code)
             FROM saved),
  'overallComment', s.overall_comment, 'submittedAt', s.submitted_at, 'updatedAt', s.updated_at) AS evaluation
FROM s`;

/** Whether the token's caller is valid, when a locking read found nothing: 401 or 404. */
export const CALLER_EXISTS = `WITH ${CALLER} SELECT 1 FROM caller`;

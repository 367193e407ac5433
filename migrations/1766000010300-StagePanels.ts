import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A later review stage may name its own panel (a selection committee for a panel interview, say):
 * `stage_panel_members`, owned by evaluation beside `panel_members`, the call's panel. A stage 2..n
 * with members of its own assigns from them only; a stage without any, and stage 1 always, uses the
 * call's panel. The stage is checked against the call's stages by the service (the calls context
 * owns them and rewrites them while the call is a draft), so there is no key to `call_stages`.
 * Frozen with the call once its cohort is published, as the call's panel is.
 */
export class StagePanels1766000010300 implements MigrationInterface {
  name = 'StagePanels1766000010300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stage_panel_members (
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        stage integer NOT NULL CHECK (stage >= 2),
        evaluator_id uuid NOT NULL REFERENCES users (id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (call_id, stage, evaluator_id)
      )`);
    // "Is this evaluator on any panel of the call" (its read grant, its conflicts) looks it up by evaluator.
    await q.query(`CREATE INDEX stage_panel_members_evaluator_idx ON stage_panel_members (evaluator_id, call_id)`);
    await q.query(`
      CREATE TRIGGER stage_panel_members_frozen_after_publication
      BEFORE INSERT OR UPDATE OR DELETE ON stage_panel_members
      FOR EACH ROW EXECUTE FUNCTION refuse_writes_of_published_calls()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS stage_panel_members`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The reason on every history row this migration writes (and what `down` recognises). */
export const FOLLOW_PROJECTS_REASON = '数据迁移：申请状态按项目实施状态补记';

/**
 * Issue 12: a project's moves now drive its application's lifecycle. Applications whose projects
 * opened before that stayed 'approved' while their projects moved on; this brings each one to the
 * status its project stands for, with one history row (the move that leads there, no actor, the
 * migration's reason) and no audit event (the change is the data's, not a user's):
 *   in_progress → in_progress; acceptance_requested or inspecting → acceptance_requested;
 *   rectification → rectification; accepted → accepted, or closed when everything its tranches
 *   released is paid; failed → closed.
 */
export class ApplicationsFollowProjects1764000000700 implements MigrationInterface {
  name = 'ApplicationsFollowProjects1764000000700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `WITH money AS (
         SELECT p.id,
                (SELECT coalesce(sum(t.amount_fen), 0) FROM project_tranche t WHERE t.project_id = p.id AND (
                   t.condition = 'on_approval'
                   OR (t.condition = 'on_midterm_report' AND p.midterm_reported_at IS NOT NULL)
                   OR (t.condition = 'after_acceptance' AND p.acceptance_passed_at IS NOT NULL)
                   OR (t.condition = 'after_supervision_evaluation' AND p.supervision_passed_at IS NOT NULL))) AS released,
                (SELECT coalesce(sum(pay.amount_fen), 0) FROM payment pay WHERE pay.project_id = p.id AND pay.status = 'paid') AS paid
         FROM project p
       ), target AS (
         SELECT a.id, a.status AS from_status,
                CASE
                  WHEN p.status = 'in_progress' THEN 'in_progress'
                  WHEN p.status IN ('acceptance_requested', 'inspecting') THEN 'acceptance_requested'
                  WHEN p.status = 'rectification' THEN 'rectification'
                  WHEN p.status = 'accepted' AND m.released > 0 AND m.paid >= m.released THEN 'closed'
                  WHEN p.status = 'accepted' THEN 'accepted'
                  WHEN p.status IN ('failed', 'closed') THEN 'closed'
                END AS to_status,
                CASE
                  WHEN p.status = 'in_progress' THEN 'start_delivery'
                  WHEN p.status IN ('acceptance_requested', 'inspecting') THEN 'request_acceptance'
                  WHEN p.status = 'rectification' THEN 'inspection_rectification'
                  WHEN p.status = 'accepted' AND m.released > 0 AND m.paid >= m.released THEN 'close'
                  WHEN p.status = 'accepted' THEN 'inspection_passed'
                  WHEN p.status = 'failed' THEN 'inspection_failed'
                  WHEN p.status = 'closed' THEN 'close'
                END AS move
         FROM application a JOIN project p ON p.application_id = a.id JOIN money m ON m.id = p.id
         WHERE a.status = 'approved'
       ), moved AS (
         UPDATE application a SET status = t.to_status, version = a.version + 1, updated_at = now()
         FROM target t WHERE a.id = t.id AND t.to_status IS NOT NULL
         RETURNING a.id, t.from_status, t.to_status, t.move
       )
       INSERT INTO application_status_change (application_id, from_status, to_status, action, reason, actor_user_id)
       SELECT id, from_status, to_status, move, $1, NULL FROM moved`,
      [FOLLOW_PROJECTS_REASON],
    );
  }

  /** Back to 'approved' for the applications whose latest move is still this migration's. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `WITH latest AS (
         SELECT DISTINCT ON (h.application_id) h.id, h.application_id, h.from_status, h.to_status, h.reason
         FROM application_status_change h ORDER BY h.application_id, h.id DESC
       ), undone AS (
         UPDATE application a SET status = l.from_status, version = a.version + 1, updated_at = now()
         FROM latest l WHERE l.application_id = a.id AND l.reason = $1 AND a.status = l.to_status
         RETURNING l.id
       )
       DELETE FROM application_status_change WHERE id IN (SELECT id FROM undone)`,
      [FOLLOW_PROJECTS_REASON],
    );
  }
}

-- Due dates of reports (the overdue list and the department view) and whether a plan reports quarterly.
ALTER TABLE plans ADD COLUMN quarterly_reports BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN report_due_days INTEGER NOT NULL DEFAULT 61;
ALTER TABLE plans ADD COLUMN quarter_due_days INTEGER NOT NULL DEFAULT 30;
-- Plans whose reports already hold quarters report quarterly.
UPDATE plans SET quarterly_reports = 1 WHERE id IN (
  SELECT i.plan_id FROM initiatives i
  JOIN annual_reports r ON r.initiative_id = i.id
  JOIN quarter_updates q ON q.report_id = r.id);

-- Covering indexes for the summaries: the counted initiatives and their reports' states, grades
-- and quarter marks are read from the indexes, not from the wide rows (texts, snapshots).
CREATE INDEX initiatives_active ON initiatives (plan_id, active_from_fy, active_to_fy, id);
CREATE INDEX annual_reports_summary ON annual_reports
  (initiative_id, fiscal_year, workflow_state, progress_status, self_rating, committee_rating, id);
CREATE INDEX quarter_updates_marks ON quarter_updates (report_id, quarter, mark);

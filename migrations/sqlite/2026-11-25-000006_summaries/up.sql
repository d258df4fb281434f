-- Due dates of reports (the overdue list and the department view) and whether a plan reports quarterly.
ALTER TABLE plans ADD COLUMN quarterly_reports BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN report_due_days INTEGER NOT NULL DEFAULT 61;
ALTER TABLE plans ADD COLUMN quarter_due_days INTEGER NOT NULL DEFAULT 30;
-- Plans whose reports already hold quarters report quarterly.
UPDATE plans SET quarterly_reports = 1 WHERE id IN (
  SELECT i.plan_id FROM initiatives i
  JOIN annual_reports r ON r.initiative_id = i.id
  JOIN quarter_updates q ON q.report_id = r.id);

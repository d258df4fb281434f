DROP INDEX quarter_updates_marks;
DROP INDEX annual_reports_summary;
DROP INDEX initiatives_active;
ALTER TABLE plans DROP COLUMN quarter_due_days;
ALTER TABLE plans DROP COLUMN report_due_days;
ALTER TABLE plans DROP COLUMN quarterly_reports;

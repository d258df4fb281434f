ALTER TABLE plans DROP COLUMN quarter_due_days;
ALTER TABLE plans DROP COLUMN report_due_days;
ALTER TABLE plans DROP COLUMN quarterly_reports;

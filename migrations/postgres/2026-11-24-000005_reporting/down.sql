ALTER TABLE initiatives ALTER COLUMN code_sort TYPE TEXT COLLATE "default";
DROP TABLE report_comments;
DROP TABLE report_revisions;
DROP INDEX annual_reports_state;
ALTER TABLE annual_reports DROP COLUMN published_at;
ALTER TABLE annual_reports DROP COLUMN published_snapshot;
ALTER TABLE annual_reports DROP COLUMN return_reason;
ALTER TABLE annual_reports DROP COLUMN updated_by;

-- Reporting (issue 9): who changed a report last, why it was returned, what the public sees while
-- a correction is being prepared, every version of every report, and the committee's comments.
ALTER TABLE annual_reports ADD COLUMN updated_by uuid;
ALTER TABLE annual_reports ADD COLUMN return_reason TEXT;
-- The report as last published (JSON), kept while a correction (edition 2, 3, …) is in progress.
ALTER TABLE annual_reports ADD COLUMN published_snapshot TEXT;
ALTER TABLE annual_reports ADD COLUMN published_at TIMESTAMP;
CREATE INDEX annual_reports_state ON annual_reports (workflow_state);

-- History (Rule 7): one row per version of a report; `number` is the report's version after the
-- change. `snapshot` is the whole report (texts, quarters, indicator values) as JSON.
CREATE TABLE report_revisions (
    id uuid PRIMARY KEY,
    report_id uuid NOT NULL REFERENCES annual_reports (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    edition INTEGER NOT NULL,
    workflow_state TEXT NOT NULL,
    action TEXT NOT NULL,
    changed_fields TEXT NOT NULL,
    actor_id uuid REFERENCES users (id),
    token_id uuid,
    occurred_at TIMESTAMP NOT NULL,
    snapshot TEXT NOT NULL
);
CREATE UNIQUE INDEX report_revisions_number ON report_revisions (report_id, number);

-- The committee's comments on a submitted or reviewed report, and the department's replies.
-- Internal only; never edited or deleted.
CREATE TABLE report_comments (
    id uuid PRIMARY KEY,
    report_id uuid NOT NULL REFERENCES annual_reports (id) ON DELETE CASCADE,
    in_reply_to uuid REFERENCES report_comments (id),
    author_id uuid REFERENCES users (id),
    author_role TEXT NOT NULL,
    body TEXT NOT NULL,
    workflow_state TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX report_comments_report ON report_comments (report_id, created_at);

-- Natural order is byte order of code_sort (src/natural.rs): never a linguistic collation.
-- Initiatives without a code sort last (their key starts with U+10FFFF).
ALTER TABLE initiatives ALTER COLUMN code_sort TYPE TEXT COLLATE "C";

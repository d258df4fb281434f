UPDATE audit_events a SET after_state = r.snapshot FROM report_revisions r WHERE a.revision_id = r.id;
DROP TRIGGER report_revisions_audited_d ON report_revisions;
DROP FUNCTION shinchoku_keep_audited_snapshots();
ALTER TABLE audit_events DROP COLUMN revision_id;

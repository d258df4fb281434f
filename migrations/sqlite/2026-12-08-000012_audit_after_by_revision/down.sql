UPDATE audit_events SET after_state = (SELECT r.snapshot FROM report_revisions r WHERE r.id = audit_events.revision_id)
    WHERE revision_id IS NOT NULL;
DROP TRIGGER report_revisions_audited_d;
ALTER TABLE audit_events DROP COLUMN revision_id;

-- An audit event of a report write refers to the revision that write made (`revision_id`),
-- whose snapshot is the report after the write, instead of holding a second copy of the same
-- text in `after_state` (docs/write-path.md). The audit trail reads the snapshot through the
-- reference.
--
-- Revisions are never changed; they go only with their report (an initiative or a plan
-- deleted). Before they go, the events that refer to them receive the snapshot as their own
-- `after_state`, so the audit trail outlives what it describes, as it always has.
ALTER TABLE audit_events ADD COLUMN revision_id TEXT;

CREATE TRIGGER report_revisions_audited_d AFTER DELETE ON report_revisions
BEGIN
    UPDATE audit_events SET after_state = OLD.snapshot, revision_id = NULL
        WHERE entity_type = 'annual_report' AND entity_id = OLD.report_id AND revision_id = OLD.id;
END;

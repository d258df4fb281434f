DROP TRIGGER annual_reports_tally_u ON annual_reports;
CREATE TRIGGER annual_reports_tally_u AFTER UPDATE ON annual_reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();
DROP TRIGGER quarter_updates_tally_u ON quarter_updates;
CREATE TRIGGER quarter_updates_tally_u AFTER UPDATE ON quarter_updates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_report();
DROP TRIGGER indicator_values_tally_u ON indicator_values;
CREATE TRIGGER indicator_values_tally_u AFTER UPDATE ON indicator_values REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_indicator();
DROP FUNCTION shinchoku_dirty_report_changed();
DROP FUNCTION shinchoku_dirty_quarter_changed();
DROP FUNCTION shinchoku_dirty_value_changed();
-- The older version keeps the `x` counts: it counts every initiative afresh at its next start.
DELETE FROM summary_counts;
DELETE FROM summary_facts;
INSERT INTO summary_dirty (tx, initiative_id) SELECT 0, id FROM initiatives ON CONFLICT DO NOTHING;

DROP TRIGGER annual_reports_tally_i ON annual_reports;
DROP TRIGGER annual_reports_tally_u ON annual_reports;
DROP TRIGGER annual_reports_tally_d ON annual_reports;
CREATE TRIGGER annual_reports_tally_i AFTER INSERT ON annual_reports REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();
CREATE TRIGGER annual_reports_tally_u AFTER UPDATE ON annual_reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();
CREATE TRIGGER annual_reports_tally_d AFTER DELETE ON annual_reports REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();
DROP TRIGGER quarter_updates_tally_i ON quarter_updates;
DROP TRIGGER quarter_updates_tally_u ON quarter_updates;
DROP TRIGGER quarter_updates_tally_d ON quarter_updates;
CREATE TRIGGER quarter_updates_tally_i AFTER INSERT ON quarter_updates REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_report();
CREATE TRIGGER quarter_updates_tally_u AFTER UPDATE ON quarter_updates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_report();
CREATE TRIGGER quarter_updates_tally_d AFTER DELETE ON quarter_updates REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_report();
DROP TRIGGER indicator_values_tally_i ON indicator_values;
DROP TRIGGER indicator_values_tally_u ON indicator_values;
DROP TRIGGER indicator_values_tally_d ON indicator_values;
CREATE TRIGGER indicator_values_tally_i AFTER INSERT ON indicator_values REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_indicator();
CREATE TRIGGER indicator_values_tally_u AFTER UPDATE ON indicator_values REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_indicator();
CREATE TRIGGER indicator_values_tally_d AFTER DELETE ON indicator_values REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_indicator();
DROP FUNCTION shinchoku_dirty_report_year();
DROP FUNCTION shinchoku_dirty_quarter_year();
DROP FUNCTION shinchoku_dirty_value_year();
DROP TABLE summary_dirty_years;
-- The older version keeps the `x` counts: it counts every initiative afresh at its next start.
DELETE FROM summary_counts;
DELETE FROM summary_facts;
INSERT INTO summary_dirty (tx, initiative_id) SELECT 0, id FROM initiatives ON CONFLICT DO NOTHING;

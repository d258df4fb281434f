DROP TRIGGER annual_reports_tally_i ON annual_reports;
CREATE TRIGGER annual_reports_tally_i AFTER INSERT ON annual_reports REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_report_year();
DROP TRIGGER annual_reports_tally_u ON annual_reports;
CREATE TRIGGER annual_reports_tally_u AFTER UPDATE ON annual_reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_report_year();
DROP TRIGGER quarter_updates_tally_i ON quarter_updates;
CREATE TRIGGER quarter_updates_tally_i AFTER INSERT ON quarter_updates REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_quarter_year();
DROP TRIGGER quarter_updates_tally_u ON quarter_updates;
CREATE TRIGGER quarter_updates_tally_u AFTER UPDATE ON quarter_updates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_quarter_year();
DROP TRIGGER indicator_values_tally_i ON indicator_values;
CREATE TRIGGER indicator_values_tally_i AFTER INSERT ON indicator_values REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_value_year();
DROP TRIGGER indicator_values_tally_u ON indicator_values;
CREATE TRIGGER indicator_values_tally_u AFTER UPDATE ON indicator_values REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_value_year();

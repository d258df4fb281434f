DROP TRIGGER annual_reports_tally_i;
CREATE TRIGGER annual_reports_tally_i AFTER INSERT ON annual_reports BEGIN
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year) SELECT NEW.initiative_id, NEW.fiscal_year;
END;
DROP TRIGGER annual_reports_tally_u;
CREATE TRIGGER annual_reports_tally_u AFTER UPDATE ON annual_reports
    WHEN NEW.id IS NOT OLD.id OR NEW.initiative_id IS NOT OLD.initiative_id OR NEW.fiscal_year IS NOT OLD.fiscal_year
      OR NEW.workflow_state IS NOT OLD.workflow_state OR NEW.progress_status IS NOT OLD.progress_status
      OR NEW.self_rating IS NOT OLD.self_rating OR NEW.committee_rating IS NOT OLD.committee_rating
      OR NEW.published_snapshot IS NOT OLD.published_snapshot BEGIN
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year) SELECT NEW.initiative_id, NEW.fiscal_year;
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year) SELECT OLD.initiative_id, OLD.fiscal_year;
END;
DROP TRIGGER quarter_updates_tally_i;
CREATE TRIGGER quarter_updates_tally_i AFTER INSERT ON quarter_updates BEGIN
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year)
        SELECT initiative_id, fiscal_year FROM annual_reports WHERE id = NEW.report_id;
END;
DROP TRIGGER quarter_updates_tally_u;
CREATE TRIGGER quarter_updates_tally_u AFTER UPDATE ON quarter_updates
    WHEN NEW.id IS NOT OLD.id OR NEW.report_id IS NOT OLD.report_id OR NEW.quarter IS NOT OLD.quarter
      OR NEW.mark IS NOT OLD.mark BEGIN
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year)
        SELECT initiative_id, fiscal_year FROM annual_reports WHERE id = NEW.report_id;
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year)
        SELECT initiative_id, fiscal_year FROM annual_reports WHERE id = OLD.report_id;
END;
DROP TRIGGER indicator_values_tally_i;
CREATE TRIGGER indicator_values_tally_i AFTER INSERT ON indicator_values BEGIN
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year)
        SELECT initiative_id, NEW.fiscal_year FROM indicators WHERE id = NEW.indicator_id AND initiative_id IS NOT NULL;
END;
DROP TRIGGER indicator_values_tally_u;
CREATE TRIGGER indicator_values_tally_u AFTER UPDATE ON indicator_values
    WHEN NEW.id IS NOT OLD.id OR NEW.indicator_id IS NOT OLD.indicator_id OR NEW.fiscal_year IS NOT OLD.fiscal_year
      OR NEW.target IS NOT OLD.target OR NEW.actual IS NOT OLD.actual BEGIN
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year)
        SELECT initiative_id, NEW.fiscal_year FROM indicators WHERE id = NEW.indicator_id AND initiative_id IS NOT NULL;
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year)
        SELECT initiative_id, OLD.fiscal_year FROM indicators WHERE id = OLD.indicator_id AND initiative_id IS NOT NULL;
END;
DROP TABLE summary_counted_by_writer;

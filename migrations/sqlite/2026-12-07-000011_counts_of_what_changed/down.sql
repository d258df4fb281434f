DROP TRIGGER annual_reports_tally_i;
DROP TRIGGER annual_reports_tally_u;
DROP TRIGGER annual_reports_tally_d;
CREATE TRIGGER annual_reports_tally_i AFTER INSERT ON annual_reports BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT NEW.initiative_id;
END;
CREATE TRIGGER annual_reports_tally_u AFTER UPDATE ON annual_reports BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT NEW.initiative_id;
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT OLD.initiative_id;
END;
CREATE TRIGGER annual_reports_tally_d AFTER DELETE ON annual_reports BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT OLD.initiative_id;
END;
DROP TRIGGER quarter_updates_tally_i;
DROP TRIGGER quarter_updates_tally_u;
DROP TRIGGER quarter_updates_tally_d;
CREATE TRIGGER quarter_updates_tally_i AFTER INSERT ON quarter_updates BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM annual_reports WHERE id = NEW.report_id;
END;
CREATE TRIGGER quarter_updates_tally_u AFTER UPDATE ON quarter_updates BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM annual_reports WHERE id = NEW.report_id;
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM annual_reports WHERE id = OLD.report_id;
END;
CREATE TRIGGER quarter_updates_tally_d AFTER DELETE ON quarter_updates BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM annual_reports WHERE id = OLD.report_id;
END;
DROP TRIGGER indicator_values_tally_i;
DROP TRIGGER indicator_values_tally_u;
DROP TRIGGER indicator_values_tally_d;
CREATE TRIGGER indicator_values_tally_i AFTER INSERT ON indicator_values BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM indicators WHERE id = NEW.indicator_id AND initiative_id IS NOT NULL;
END;
CREATE TRIGGER indicator_values_tally_u AFTER UPDATE ON indicator_values BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM indicators WHERE id = NEW.indicator_id AND initiative_id IS NOT NULL;
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM indicators WHERE id = OLD.indicator_id AND initiative_id IS NOT NULL;
END;
CREATE TRIGGER indicator_values_tally_d AFTER DELETE ON indicator_values BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM indicators WHERE id = OLD.indicator_id AND initiative_id IS NOT NULL;
END;
DROP TABLE summary_dirty_years;
-- The older version keeps the `x` counts: it counts every initiative afresh at its next start.
DELETE FROM summary_counts;
DELETE FROM summary_facts;
INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT id FROM initiatives;

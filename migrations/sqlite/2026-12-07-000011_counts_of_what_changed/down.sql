DROP TRIGGER annual_reports_tally_u;
CREATE TRIGGER annual_reports_tally_u AFTER UPDATE ON annual_reports BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT NEW.initiative_id;
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT OLD.initiative_id;
END;

DROP TRIGGER quarter_updates_tally_u;
CREATE TRIGGER quarter_updates_tally_u AFTER UPDATE ON quarter_updates BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM annual_reports WHERE id = NEW.report_id;
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM annual_reports WHERE id = OLD.report_id;
END;

DROP TRIGGER indicator_values_tally_u;
CREATE TRIGGER indicator_values_tally_u AFTER UPDATE ON indicator_values BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM indicators WHERE id = NEW.indicator_id AND initiative_id IS NOT NULL;
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM indicators WHERE id = OLD.indicator_id AND initiative_id IS NOT NULL;
END;

-- The older version keeps the `x` counts: it counts every initiative afresh at its next start.
DELETE FROM summary_counts;
DELETE FROM summary_facts;
INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT id FROM initiatives;

-- Kept counts move only with what they count (docs/summaries.md, "Kept counts").
--
-- Contents of reports not handed in (the `x` family) are no longer kept: a department's read
-- computes them from its initiatives' stored facts.
DELETE FROM summary_counts WHERE grp_set LIKE 'x%';

-- A report, a quarter or a value is noted with its fiscal year (`summary_dirty_years`): the
-- recount then reads and replaces only those years of the initiative's facts. Every other change
-- is noted in `summary_dirty` for every year. An update notes only rows in which a column the
-- counts read changed: a new text, a new edition number or a data-version bump costs no recount.
CREATE TABLE summary_dirty_years (
    tx BIGINT NOT NULL DEFAULT 0,
    initiative_id TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL,
    PRIMARY KEY (tx, initiative_id, fiscal_year)
) WITHOUT ROWID;

DROP TRIGGER annual_reports_tally_i;
DROP TRIGGER annual_reports_tally_u;
DROP TRIGGER annual_reports_tally_d;
CREATE TRIGGER annual_reports_tally_i AFTER INSERT ON annual_reports BEGIN
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year) SELECT NEW.initiative_id, NEW.fiscal_year;
END;
CREATE TRIGGER annual_reports_tally_u AFTER UPDATE ON annual_reports
    WHEN NEW.id IS NOT OLD.id OR NEW.initiative_id IS NOT OLD.initiative_id OR NEW.fiscal_year IS NOT OLD.fiscal_year
      OR NEW.workflow_state IS NOT OLD.workflow_state OR NEW.progress_status IS NOT OLD.progress_status
      OR NEW.self_rating IS NOT OLD.self_rating OR NEW.committee_rating IS NOT OLD.committee_rating
      OR NEW.published_snapshot IS NOT OLD.published_snapshot BEGIN
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year) SELECT NEW.initiative_id, NEW.fiscal_year;
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year) SELECT OLD.initiative_id, OLD.fiscal_year;
END;
CREATE TRIGGER annual_reports_tally_d AFTER DELETE ON annual_reports BEGIN
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year) SELECT OLD.initiative_id, OLD.fiscal_year;
END;

DROP TRIGGER quarter_updates_tally_i;
DROP TRIGGER quarter_updates_tally_u;
DROP TRIGGER quarter_updates_tally_d;
CREATE TRIGGER quarter_updates_tally_i AFTER INSERT ON quarter_updates BEGIN
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year)
        SELECT initiative_id, fiscal_year FROM annual_reports WHERE id = NEW.report_id;
END;
CREATE TRIGGER quarter_updates_tally_u AFTER UPDATE ON quarter_updates
    WHEN NEW.id IS NOT OLD.id OR NEW.report_id IS NOT OLD.report_id OR NEW.quarter IS NOT OLD.quarter
      OR NEW.mark IS NOT OLD.mark BEGIN
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year)
        SELECT initiative_id, fiscal_year FROM annual_reports WHERE id = NEW.report_id;
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year)
        SELECT initiative_id, fiscal_year FROM annual_reports WHERE id = OLD.report_id;
END;
CREATE TRIGGER quarter_updates_tally_d AFTER DELETE ON quarter_updates BEGIN
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year)
        SELECT initiative_id, fiscal_year FROM annual_reports WHERE id = OLD.report_id;
END;

DROP TRIGGER indicator_values_tally_i;
DROP TRIGGER indicator_values_tally_u;
DROP TRIGGER indicator_values_tally_d;
CREATE TRIGGER indicator_values_tally_i AFTER INSERT ON indicator_values BEGIN
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year)
        SELECT initiative_id, NEW.fiscal_year FROM indicators WHERE id = NEW.indicator_id AND initiative_id IS NOT NULL;
END;
CREATE TRIGGER indicator_values_tally_u AFTER UPDATE ON indicator_values
    WHEN NEW.id IS NOT OLD.id OR NEW.indicator_id IS NOT OLD.indicator_id OR NEW.fiscal_year IS NOT OLD.fiscal_year
      OR NEW.target IS NOT OLD.target OR NEW.actual IS NOT OLD.actual BEGIN
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year)
        SELECT initiative_id, NEW.fiscal_year FROM indicators WHERE id = NEW.indicator_id AND initiative_id IS NOT NULL;
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year)
        SELECT initiative_id, OLD.fiscal_year FROM indicators WHERE id = OLD.indicator_id AND initiative_id IS NOT NULL;
END;
CREATE TRIGGER indicator_values_tally_d AFTER DELETE ON indicator_values BEGIN
    INSERT OR IGNORE INTO summary_dirty_years (initiative_id, fiscal_year)
        SELECT initiative_id, OLD.fiscal_year FROM indicators WHERE id = OLD.indicator_id AND initiative_id IS NOT NULL;
END;

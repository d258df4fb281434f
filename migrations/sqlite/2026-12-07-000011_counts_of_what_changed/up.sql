-- Kept counts move only with what they count (docs/summaries.md, "Kept counts").
--
-- Contents of reports not handed in (the `x` family) are no longer kept: a department's read
-- computes them from its initiatives' stored facts.
DELETE FROM summary_counts WHERE grp_set LIKE 'x%';

-- An update notes an initiative only when a column the counts read changed: a new text, a
-- new edition number or a data-version bump costs no recount.
DROP TRIGGER annual_reports_tally_u;
CREATE TRIGGER annual_reports_tally_u AFTER UPDATE ON annual_reports
    WHEN NEW.id IS NOT OLD.id OR NEW.initiative_id IS NOT OLD.initiative_id OR NEW.fiscal_year IS NOT OLD.fiscal_year
      OR NEW.workflow_state IS NOT OLD.workflow_state OR NEW.progress_status IS NOT OLD.progress_status
      OR NEW.self_rating IS NOT OLD.self_rating OR NEW.committee_rating IS NOT OLD.committee_rating
      OR NEW.published_snapshot IS NOT OLD.published_snapshot BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT NEW.initiative_id;
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT OLD.initiative_id;
END;

DROP TRIGGER quarter_updates_tally_u;
CREATE TRIGGER quarter_updates_tally_u AFTER UPDATE ON quarter_updates
    WHEN NEW.id IS NOT OLD.id OR NEW.report_id IS NOT OLD.report_id OR NEW.quarter IS NOT OLD.quarter
      OR NEW.mark IS NOT OLD.mark BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM annual_reports WHERE id = NEW.report_id;
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM annual_reports WHERE id = OLD.report_id;
END;

DROP TRIGGER indicator_values_tally_u;
CREATE TRIGGER indicator_values_tally_u AFTER UPDATE ON indicator_values
    WHEN NEW.id IS NOT OLD.id OR NEW.indicator_id IS NOT OLD.indicator_id OR NEW.fiscal_year IS NOT OLD.fiscal_year
      OR NEW.target IS NOT OLD.target OR NEW.actual IS NOT OLD.actual BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM indicators WHERE id = NEW.indicator_id AND initiative_id IS NOT NULL;
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM indicators WHERE id = OLD.indicator_id AND initiative_id IS NOT NULL;
END;

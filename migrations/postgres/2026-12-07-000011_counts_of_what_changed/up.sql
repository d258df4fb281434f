-- Kept counts move only with what they count (docs/summaries.md, "Kept counts").
--
-- Contents of reports not handed in (the `x` family) are no longer kept: a department's read
-- computes them from its initiatives' stored facts.
DELETE FROM summary_counts WHERE grp_set LIKE 'x%';

-- An update notes an initiative only when a column the counts read changed: a new text, a
-- new edition number or a data-version bump costs no recount. A row that appears or disappears
-- between the transition tables (an id changed) is noted on both sides.
CREATE FUNCTION shinchoku_dirty_report_changed() RETURNS trigger AS $$
BEGIN
    INSERT INTO summary_dirty (initiative_id)
        SELECT DISTINCT v.initiative_id FROM (
            SELECT n.initiative_id AS a, o.initiative_id AS b FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
            WHERE n.id IS NULL OR o.id IS NULL
               OR (n.initiative_id, n.fiscal_year, n.workflow_state, n.progress_status, n.self_rating,
                   n.committee_rating, n.published_snapshot)
                  IS DISTINCT FROM
                  (o.initiative_id, o.fiscal_year, o.workflow_state, o.progress_status, o.self_rating,
                   o.committee_rating, o.published_snapshot)
        ) c, LATERAL (VALUES (c.a), (c.b)) v (initiative_id)
        WHERE v.initiative_id IS NOT NULL
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION shinchoku_dirty_quarter_changed() RETURNS trigger AS $$
BEGIN
    INSERT INTO summary_dirty (initiative_id)
        SELECT DISTINCT a.initiative_id FROM (
            SELECT n.report_id AS a, o.report_id AS b FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
            WHERE n.id IS NULL OR o.id IS NULL
               OR (n.report_id, n.quarter, n.mark) IS DISTINCT FROM (o.report_id, o.quarter, o.mark)
        ) c, LATERAL (VALUES (c.a), (c.b)) v (report_id)
        JOIN annual_reports a ON a.id = v.report_id
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION shinchoku_dirty_value_changed() RETURNS trigger AS $$
BEGIN
    INSERT INTO summary_dirty (initiative_id)
        SELECT DISTINCT i.initiative_id FROM (
            SELECT n.indicator_id AS a, o.indicator_id AS b FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
            WHERE n.id IS NULL OR o.id IS NULL
               OR (n.indicator_id, n.fiscal_year, n.target, n.actual)
                  IS DISTINCT FROM (o.indicator_id, o.fiscal_year, o.target, o.actual)
        ) c, LATERAL (VALUES (c.a), (c.b)) v (indicator_id)
        JOIN indicators i ON i.id = v.indicator_id
        WHERE i.initiative_id IS NOT NULL
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER annual_reports_tally_u ON annual_reports;
CREATE TRIGGER annual_reports_tally_u AFTER UPDATE ON annual_reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_report_changed();
DROP TRIGGER quarter_updates_tally_u ON quarter_updates;
CREATE TRIGGER quarter_updates_tally_u AFTER UPDATE ON quarter_updates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_quarter_changed();
DROP TRIGGER indicator_values_tally_u ON indicator_values;
CREATE TRIGGER indicator_values_tally_u AFTER UPDATE ON indicator_values REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_value_changed();

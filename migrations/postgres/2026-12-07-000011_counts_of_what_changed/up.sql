-- Kept counts move only with what they count (docs/summaries.md, "Kept counts").
--
-- Contents of reports not handed in (the `x` family) are no longer kept: a department's read
-- computes them from its initiatives' stored facts.
DELETE FROM summary_counts WHERE grp_set LIKE 'x%';

-- A report, a quarter or a value is noted with its fiscal year (`summary_dirty_years`): the
-- recount then reads and replaces only those years of the initiative's facts. Every other change
-- (what an initiative is, where it is placed, who is responsible, its indicators, the plan
-- period) is noted in `summary_dirty` for every year.
CREATE TABLE summary_dirty_years (
    tx bigint NOT NULL DEFAULT txid_current(),
    initiative_id uuid NOT NULL,
    fiscal_year integer NOT NULL,
    PRIMARY KEY (tx, initiative_id, fiscal_year)
);

-- An update notes only rows in which a column the counts read changed: a new text, a new edition
-- number or a data-version bump costs no recount. A row that appears or disappears between the
-- transition tables (an id changed) is noted on both sides.
CREATE FUNCTION shinchoku_dirty_report_year() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO summary_dirty_years (initiative_id, fiscal_year)
            SELECT DISTINCT initiative_id, fiscal_year FROM new_rows ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO summary_dirty_years (initiative_id, fiscal_year)
            SELECT DISTINCT initiative_id, fiscal_year FROM old_rows ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO summary_dirty_years (initiative_id, fiscal_year)
            SELECT DISTINCT v.initiative_id, v.fiscal_year FROM (
                SELECT n.initiative_id AS ni, n.fiscal_year AS ny, o.initiative_id AS oi, o.fiscal_year AS oy
                FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
                WHERE n.id IS NULL OR o.id IS NULL
                   OR (n.initiative_id, n.fiscal_year, n.workflow_state, n.progress_status, n.self_rating,
                       n.committee_rating, n.published_snapshot)
                      IS DISTINCT FROM
                      (o.initiative_id, o.fiscal_year, o.workflow_state, o.progress_status, o.self_rating,
                       o.committee_rating, o.published_snapshot)
            ) c, LATERAL (VALUES (c.ni, c.ny), (c.oi, c.oy)) v (initiative_id, fiscal_year)
            WHERE v.initiative_id IS NOT NULL
            ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION shinchoku_dirty_quarter_year() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO summary_dirty_years (initiative_id, fiscal_year)
            SELECT DISTINCT a.initiative_id, a.fiscal_year FROM new_rows q JOIN annual_reports a ON a.id = q.report_id
            ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO summary_dirty_years (initiative_id, fiscal_year)
            SELECT DISTINCT a.initiative_id, a.fiscal_year FROM old_rows q JOIN annual_reports a ON a.id = q.report_id
            ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO summary_dirty_years (initiative_id, fiscal_year)
            SELECT DISTINCT a.initiative_id, a.fiscal_year FROM (
                SELECT n.report_id AS a, o.report_id AS b FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
                WHERE n.id IS NULL OR o.id IS NULL
                   OR (n.report_id, n.quarter, n.mark) IS DISTINCT FROM (o.report_id, o.quarter, o.mark)
            ) c, LATERAL (VALUES (c.a), (c.b)) v (report_id)
            JOIN annual_reports a ON a.id = v.report_id
            ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION shinchoku_dirty_value_year() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO summary_dirty_years (initiative_id, fiscal_year)
            SELECT DISTINCT i.initiative_id, v.fiscal_year FROM new_rows v JOIN indicators i ON i.id = v.indicator_id
            WHERE i.initiative_id IS NOT NULL ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO summary_dirty_years (initiative_id, fiscal_year)
            SELECT DISTINCT i.initiative_id, v.fiscal_year FROM old_rows v JOIN indicators i ON i.id = v.indicator_id
            WHERE i.initiative_id IS NOT NULL ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO summary_dirty_years (initiative_id, fiscal_year)
            SELECT DISTINCT i.initiative_id, v.fiscal_year FROM (
                SELECT n.indicator_id AS ni, n.fiscal_year AS ny, o.indicator_id AS oi, o.fiscal_year AS oy
                FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
                WHERE n.id IS NULL OR o.id IS NULL
                   OR (n.indicator_id, n.fiscal_year, n.target, n.actual)
                      IS DISTINCT FROM (o.indicator_id, o.fiscal_year, o.target, o.actual)
            ) c, LATERAL (VALUES (c.ni, c.ny), (c.oi, c.oy)) v (indicator_id, fiscal_year)
            JOIN indicators i ON i.id = v.indicator_id
            WHERE i.initiative_id IS NOT NULL
            ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER annual_reports_tally_i ON annual_reports;
DROP TRIGGER annual_reports_tally_u ON annual_reports;
DROP TRIGGER annual_reports_tally_d ON annual_reports;
CREATE TRIGGER annual_reports_tally_i AFTER INSERT ON annual_reports REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_report_year();
CREATE TRIGGER annual_reports_tally_u AFTER UPDATE ON annual_reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_report_year();
CREATE TRIGGER annual_reports_tally_d AFTER DELETE ON annual_reports REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_report_year();

DROP TRIGGER quarter_updates_tally_i ON quarter_updates;
DROP TRIGGER quarter_updates_tally_u ON quarter_updates;
DROP TRIGGER quarter_updates_tally_d ON quarter_updates;
CREATE TRIGGER quarter_updates_tally_i AFTER INSERT ON quarter_updates REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_quarter_year();
CREATE TRIGGER quarter_updates_tally_u AFTER UPDATE ON quarter_updates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_quarter_year();
CREATE TRIGGER quarter_updates_tally_d AFTER DELETE ON quarter_updates REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_quarter_year();

DROP TRIGGER indicator_values_tally_i ON indicator_values;
DROP TRIGGER indicator_values_tally_u ON indicator_values;
DROP TRIGGER indicator_values_tally_d ON indicator_values;
CREATE TRIGGER indicator_values_tally_i AFTER INSERT ON indicator_values REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_value_year();
CREATE TRIGGER indicator_values_tally_u AFTER UPDATE ON indicator_values REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_value_year();
CREATE TRIGGER indicator_values_tally_d AFTER DELETE ON indicator_values REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_value_year();

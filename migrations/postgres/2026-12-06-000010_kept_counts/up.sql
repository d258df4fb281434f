-- Kept summary counts (docs/summaries.md, "Kept counts"). `summary_counts` holds each plan's
-- counts per year, group and cell; `summary_facts` what each initiative last added to them.
-- A write changes them in its own transaction: triggers note the initiatives whose rows changed
-- in `summary_dirty`, tagged with the writing transaction, and the service recounts those
-- initiatives before it commits. Rows noted by writes made outside the service are recounted
-- when the service starts, or by `shinchoku check-summaries --repair`.
CREATE TABLE summary_counts (
    plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    grp_set text NOT NULL,
    fiscal_year integer NOT NULL,
    grp_key text NOT NULL,
    cell text NOT NULL,
    n bigint NOT NULL,
    ratio_units bigint NOT NULL,
    ratio_n bigint NOT NULL,
    PRIMARY KEY (plan_id, grp_set, fiscal_year, grp_key, cell)
);

CREATE TABLE summary_facts (
    initiative_id uuid PRIMARY KEY,
    plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    facts text NOT NULL
);
CREATE INDEX summary_facts_plan ON summary_facts (plan_id);

CREATE TABLE summary_dirty (
    tx bigint NOT NULL DEFAULT txid_current(),
    initiative_id uuid NOT NULL,
    PRIMARY KEY (tx, initiative_id)
);

-- One function per way a row names its initiative; statement triggers read the changed rows
-- from their transition tables, so a write of 10,000 rows notes them in one statement.
CREATE FUNCTION shinchoku_dirty_by_initiative() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO summary_dirty (initiative_id)
            SELECT DISTINCT initiative_id FROM new_rows WHERE initiative_id IS NOT NULL ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO summary_dirty (initiative_id)
            SELECT DISTINCT initiative_id FROM old_rows WHERE initiative_id IS NOT NULL ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION shinchoku_dirty_initiative() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO summary_dirty (initiative_id) SELECT id FROM new_rows ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP = 'DELETE' THEN
        INSERT INTO summary_dirty (initiative_id) SELECT id FROM old_rows ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION shinchoku_dirty_by_report() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO summary_dirty (initiative_id)
            SELECT DISTINCT a.initiative_id FROM new_rows q JOIN annual_reports a ON a.id = q.report_id
            ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO summary_dirty (initiative_id)
            SELECT DISTINCT a.initiative_id FROM old_rows q JOIN annual_reports a ON a.id = q.report_id
            ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION shinchoku_dirty_by_indicator() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO summary_dirty (initiative_id)
            SELECT DISTINCT i.initiative_id FROM new_rows v JOIN indicators i ON i.id = v.indicator_id
            WHERE i.initiative_id IS NOT NULL ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO summary_dirty (initiative_id)
            SELECT DISTINCT i.initiative_id FROM old_rows v JOIN indicators i ON i.id = v.indicator_id
            WHERE i.initiative_id IS NOT NULL ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- A node that moves (its level or sort path changes) moves the initiatives placed in it; a plan
-- whose period changes changes the years its initiatives count in. Row triggers whose WHEN
-- clause is checked before any function runs: the data-version bump of every write costs nothing.
CREATE FUNCTION shinchoku_dirty_by_node() RETURNS trigger AS $$
BEGIN
    INSERT INTO summary_dirty (initiative_id)
        SELECT initiative_id FROM initiative_placements WHERE node_id = NEW.id
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION shinchoku_dirty_by_plan() RETURNS trigger AS $$
BEGIN
    INSERT INTO summary_dirty (initiative_id)
        SELECT id FROM initiatives WHERE plan_id = NEW.id
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER annual_reports_tally_i AFTER INSERT ON annual_reports REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();
CREATE TRIGGER annual_reports_tally_u AFTER UPDATE ON annual_reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();
CREATE TRIGGER annual_reports_tally_d AFTER DELETE ON annual_reports REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();

CREATE TRIGGER indicators_tally_i AFTER INSERT ON indicators REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();
CREATE TRIGGER indicators_tally_u AFTER UPDATE ON indicators REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();
CREATE TRIGGER indicators_tally_d AFTER DELETE ON indicators REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();

CREATE TRIGGER initiative_placements_tally_i AFTER INSERT ON initiative_placements REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();
CREATE TRIGGER initiative_placements_tally_u AFTER UPDATE ON initiative_placements REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();
CREATE TRIGGER initiative_placements_tally_d AFTER DELETE ON initiative_placements REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();

CREATE TRIGGER initiative_departments_tally_i AFTER INSERT ON initiative_departments REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();
CREATE TRIGGER initiative_departments_tally_u AFTER UPDATE ON initiative_departments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();
CREATE TRIGGER initiative_departments_tally_d AFTER DELETE ON initiative_departments REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_initiative();

CREATE TRIGGER initiatives_tally_i AFTER INSERT ON initiatives REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_initiative();
CREATE TRIGGER initiatives_tally_u AFTER UPDATE ON initiatives REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_initiative();
CREATE TRIGGER initiatives_tally_d AFTER DELETE ON initiatives REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_initiative();

CREATE TRIGGER quarter_updates_tally_i AFTER INSERT ON quarter_updates REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_report();
CREATE TRIGGER quarter_updates_tally_u AFTER UPDATE ON quarter_updates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_report();
CREATE TRIGGER quarter_updates_tally_d AFTER DELETE ON quarter_updates REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_report();

CREATE TRIGGER indicator_values_tally_i AFTER INSERT ON indicator_values REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_indicator();
CREATE TRIGGER indicator_values_tally_u AFTER UPDATE ON indicator_values REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_indicator();
CREATE TRIGGER indicator_values_tally_d AFTER DELETE ON indicator_values REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION shinchoku_dirty_by_indicator();

CREATE TRIGGER plan_nodes_tally_u AFTER UPDATE OF level, sort_path ON plan_nodes
    FOR EACH ROW WHEN (NEW.level <> OLD.level OR NEW.sort_path <> OLD.sort_path)
    EXECUTE FUNCTION shinchoku_dirty_by_node();
CREATE TRIGGER plans_tally_u AFTER UPDATE OF start_fy, end_fy ON plans
    FOR EACH ROW WHEN (NEW.start_fy <> OLD.start_fy OR NEW.end_fy <> OLD.end_fy)
    EXECUTE FUNCTION shinchoku_dirty_by_plan();

-- What is already stored is counted when the service next starts (tx 0: not this transaction's).
INSERT INTO summary_dirty (tx, initiative_id) SELECT 0, id FROM initiatives;

-- Kept summary counts (docs/summaries.md, "Kept counts"): see the PostgreSQL migration. On
-- SQLite every writer holds the one write lock, so the noted initiatives are all this
-- transaction's, or left by a write made outside the service.
CREATE TABLE summary_counts (
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    grp_set TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL,
    grp_key TEXT NOT NULL,
    cell TEXT NOT NULL,
    n BIGINT NOT NULL,
    ratio_units BIGINT NOT NULL,
    ratio_n BIGINT NOT NULL,
    PRIMARY KEY (plan_id, grp_set, fiscal_year, grp_key, cell)
) WITHOUT ROWID;

CREATE TABLE summary_facts (
    initiative_id TEXT PRIMARY KEY NOT NULL,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    facts TEXT NOT NULL
);
CREATE INDEX summary_facts_plan ON summary_facts (plan_id);

CREATE TABLE summary_dirty (
    tx BIGINT NOT NULL DEFAULT 0,
    initiative_id TEXT NOT NULL,
    PRIMARY KEY (tx, initiative_id)
) WITHOUT ROWID;

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

CREATE TRIGGER indicators_tally_i AFTER INSERT ON indicators BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT NEW.initiative_id WHERE NEW.initiative_id IS NOT NULL;
END;

CREATE TRIGGER indicators_tally_u AFTER UPDATE ON indicators BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT NEW.initiative_id WHERE NEW.initiative_id IS NOT NULL;
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT OLD.initiative_id WHERE OLD.initiative_id IS NOT NULL;
END;

CREATE TRIGGER indicators_tally_d AFTER DELETE ON indicators BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT OLD.initiative_id WHERE OLD.initiative_id IS NOT NULL;
END;

CREATE TRIGGER initiative_placements_tally_i AFTER INSERT ON initiative_placements BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT NEW.initiative_id;
END;

CREATE TRIGGER initiative_placements_tally_u AFTER UPDATE ON initiative_placements BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT NEW.initiative_id;
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT OLD.initiative_id;
END;

CREATE TRIGGER initiative_placements_tally_d AFTER DELETE ON initiative_placements BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT OLD.initiative_id;
END;

CREATE TRIGGER initiative_departments_tally_i AFTER INSERT ON initiative_departments BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT NEW.initiative_id;
END;

CREATE TRIGGER initiative_departments_tally_u AFTER UPDATE ON initiative_departments BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT NEW.initiative_id;
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT OLD.initiative_id;
END;

CREATE TRIGGER initiative_departments_tally_d AFTER DELETE ON initiative_departments BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT OLD.initiative_id;
END;

CREATE TRIGGER initiatives_tally_i AFTER INSERT ON initiatives BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT NEW.id;
END;

CREATE TRIGGER initiatives_tally_u AFTER UPDATE ON initiatives BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT NEW.id;
END;

CREATE TRIGGER initiatives_tally_d AFTER DELETE ON initiatives BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT OLD.id;
END;

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

CREATE TRIGGER plan_nodes_tally_u AFTER UPDATE OF level, sort_path ON plan_nodes
    WHEN NEW.level <> OLD.level OR NEW.sort_path <> OLD.sort_path BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT initiative_id FROM initiative_placements WHERE node_id = NEW.id;
END;

CREATE TRIGGER plans_tally_u AFTER UPDATE OF start_fy, end_fy ON plans
    WHEN NEW.start_fy <> OLD.start_fy OR NEW.end_fy <> OLD.end_fy BEGIN
    INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT id FROM initiatives WHERE plan_id = NEW.id;
END;

-- What is already stored is counted when the service next starts.
INSERT INTO summary_dirty (initiative_id) SELECT id FROM initiatives;

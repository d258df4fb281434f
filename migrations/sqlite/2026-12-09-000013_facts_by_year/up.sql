-- An initiative's stored facts (docs/summaries.md, "Kept counts") in two parts: what concerns
-- every year (its nodes and departments) in `summary_facts`, and each active fiscal year in
-- `summary_fact_years`. A write to one year's report reads and replaces that year's row only,
-- not the initiative's whole facts.
CREATE TABLE summary_fact_years (
    initiative_id TEXT NOT NULL REFERENCES summary_facts (initiative_id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    facts TEXT NOT NULL,
    PRIMARY KEY (initiative_id, fiscal_year)
) WITHOUT ROWID;

-- Every initiative is counted afresh, in the new layout, when the service next starts.
DELETE FROM summary_counts;
DELETE FROM summary_facts;
INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT id FROM initiatives;

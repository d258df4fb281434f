-- The older version keeps each initiative's facts whole: it counts every initiative afresh at its
-- next start.
DROP TABLE summary_fact_years;
DELETE FROM summary_counts;
DELETE FROM summary_facts;
INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT id FROM initiatives;

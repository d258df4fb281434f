-- The older version keeps each initiative's facts whole: it counts every initiative afresh at its
-- next start.
DROP TABLE summary_fact_years;
DELETE FROM summary_counts;
DELETE FROM summary_facts;
INSERT INTO summary_dirty (tx, initiative_id) SELECT 0, id FROM initiatives ON CONFLICT DO NOTHING;

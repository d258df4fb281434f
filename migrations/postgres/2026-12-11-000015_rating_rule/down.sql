ALTER TABLE plans DROP COLUMN rating_rule;

-- The older version counts no suggestions: it counts every initiative afresh at its next start.
DELETE FROM summary_counts;
DELETE FROM summary_facts;
INSERT INTO summary_dirty (tx, initiative_id) SELECT 0, id FROM initiatives ON CONFLICT DO NOTHING;

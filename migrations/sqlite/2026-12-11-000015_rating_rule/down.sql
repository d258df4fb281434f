ALTER TABLE plans DROP COLUMN rating_rule;

-- The older version counts no suggestions: it counts every initiative afresh at its next start.
DELETE FROM summary_counts;
DELETE FROM summary_facts;
INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT id FROM initiatives;

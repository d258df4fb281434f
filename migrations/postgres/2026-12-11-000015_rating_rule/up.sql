-- A plan's rule for suggesting self-ratings from indicator achievement (docs/domain.md,
-- "Rating suggestions"), as JSON; NULL: no suggestions.
ALTER TABLE plans ADD COLUMN rating_rule TEXT;

-- The kept counts gain a cell per report for the suggestions (docs/summaries.md, "Kept
-- counts"): every initiative is counted afresh when the service next starts.
DELETE FROM summary_counts;
DELETE FROM summary_facts;
INSERT INTO summary_dirty (tx, initiative_id) SELECT 0, id FROM initiatives ON CONFLICT DO NOTHING;

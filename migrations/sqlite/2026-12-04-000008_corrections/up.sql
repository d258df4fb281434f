-- Reports under correction: a published edition (kept in published_snapshot) that is no longer
-- the current row. Few at any time; the public summaries ask whether there are any, and read
-- their published editions, through this index.
CREATE INDEX annual_reports_under_correction ON annual_reports (initiative_id, fiscal_year)
    WHERE workflow_state <> 'published' AND published_snapshot IS NOT NULL;

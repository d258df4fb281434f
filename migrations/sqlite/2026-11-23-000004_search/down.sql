ALTER TABLE initiatives DROP COLUMN search_text;
ALTER TABLE plan_nodes DROP COLUMN search_text;
ALTER TABLE plans DROP COLUMN search_text;
ALTER TABLE departments DROP COLUMN search_text;

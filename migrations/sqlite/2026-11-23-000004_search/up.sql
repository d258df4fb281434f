-- Text search (`q=`): each searchable row keeps its code and title normalized (see src/search.rs).
-- Empty until the service fills it at start (the normalization is Rust code, not SQL).
ALTER TABLE departments ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_nodes ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE initiatives ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

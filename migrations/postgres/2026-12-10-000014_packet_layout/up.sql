-- How a plan's committee packet is laid out (docs/reporting.md, "The committee packet"):
-- node_table, per_initiative or quarterly; NULL: by the plan's shape.
ALTER TABLE plans ADD COLUMN packet_layout TEXT;

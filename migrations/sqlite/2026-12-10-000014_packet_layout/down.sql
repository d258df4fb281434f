ALTER TABLE plans DROP COLUMN packet_layout;
